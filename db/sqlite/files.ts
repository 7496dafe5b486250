import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * The data folder holds HR records and the audit trail: it is its user's alone. The folder and
 * the folders in it are owner-only (0700), and every file the console writes there — the
 * database and its -wal/-shm, backups, the lock — owner-only too (0600). SQLite gives a
 * database's -wal, -shm and journal files the database file's own mode, so creating the file
 * 0600 first is enough for them. (Windows has no mode bits: these change nothing there; the
 * folder under %APPDATA% is already the user's.)
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and any missing parents) owner-only; an existing one is narrowed, never widened. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  narrow(dir, PRIVATE_DIR_MODE);
}

/** Creates an empty owner-only file if none is there, and narrows one that is. */
export function makePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  narrow(file, PRIVATE_FILE_MODE);
}

/** Narrows an existing file's mode to owner-only, if it is there (a missing one is fine). */
export function narrowToOwner(file: string): void {
  narrow(file, PRIVATE_FILE_MODE);
}

function narrow(path: string, allowed: number) {
  try {
    const mode = statSync(path).mode & 0o777;
    if ((mode & ~allowed) !== 0) chmodSync(path, mode & allowed);
  } catch (error) {
    // Gone, not ours, or on a read-only disk: whoever can write there decides its mode.
    const code = (error as NodeJS.ErrnoException).code;
    if (!['ENOENT', 'EPERM', 'EACCES', 'EROFS'].includes(code ?? '')) throw error;
  }
}
