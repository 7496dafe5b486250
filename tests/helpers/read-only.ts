import { chmodSync, chownSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Folders and files that really refuse writes, with no mounts: their write bits go (chmod), and
 * the process that must be refused runs as an ordinary user. Tests run as root here, and root
 * writes whatever the bits say, so under root the process under test runs as `nobody` (65534) over
 * a folder handed to `nobody` first: the kernel then refuses its writes with EACCES exactly as it
 * refuses a desk user's on a locked-down PC. Run unprivileged, the tests' own user is refused.
 */
const ROOT = process.getuid?.() === 0;
export const DESK_USER = ROOT ? { uid: 65534, gid: 65534 } : {};

/** Hands a folder (and all in it) to the desk user, and lets it reach the folder from `/`. */
export function giveToDeskUser(dir: string, parents: string[] = []) {
  for (const parent of parents) chmodSync(parent, 0o755);
  if (!ROOT) return;
  const walk = (path: string) => {
    chownSync(path, 65534, 65534);
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
}

/** Takes the write bits away: folders r-x, files r--. */
export function refuseWrites(...paths: string[]) {
  for (const path of paths) chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
}

/** Gives them back: folders rwx, files rw- (owner only, as the console makes them). */
export function allowWrites(...paths: string[]) {
  for (const path of paths) chmodSync(path, statSync(path).isDirectory() ? 0o700 : 0o600);
}
