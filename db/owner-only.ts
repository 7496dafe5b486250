import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/**
 * Files only the desk's own OS account may read or write (0600): the audit key, the chain head,
 * backup manifests. On Windows the mode bits mean little (the user profile's ACLs protect the
 * data folder); chmod there only toggles read-only, so it is harmless.
 */
export function ownerOnly(file: string): void {
  chmodSync(file, 0o600);
}

/**
 * Writes a whole file or nothing: a temporary file, flushed to disk, then renamed over the old one.
 * A crash mid-way leaves the previous version, never half a file. Owner-only from the start.
 */
export function writeOwnerOnly(file: string, data: string | Buffer): void {
  const staged = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(staged, 'w', 0o600);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    ownerOnly(staged);
    renameSync(staged, file);
  } catch (error) {
    rmSync(staged, { force: true });
    throw error;
  }
}
