import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';

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
    const stat = lstatSync(path);
    // A link points at something the console did not make: leave the mode of that alone.
    if (stat.isSymbolicLink()) return;
    const mode = stat.mode & 0o777;
    if ((mode & ~allowed) !== 0) chmodSync(path, mode & allowed);
  } catch (error) {
    // Gone, not ours, or on a read-only disk: whoever can write there decides its mode.
    const code = (error as NodeJS.ErrnoException).code;
    if (!['ENOENT', 'EPERM', 'EACCES', 'EROFS'].includes(code ?? '')) throw error;
  }
}

/** The system's words for "you may not write here": permissions, the immutable flag, a read-only disk. */
const REFUSED = new Set(['EACCES', 'EPERM', 'EROFS']);

export interface WriteRefusal {
  /** The folder or file that refused. */
  path: string;
  /** EACCES (permissions), EPERM (not permitted: an immutable or system-protected file), EROFS (a read-only disk). */
  code: string;
}

/**
 * Asks the system whether the console may write where it must, before SQLite opens anything
 * (SQLite would quietly open a file it may not write read-only, and fail only at the first save):
 * each folder by creating and removing a probe file in it, each existing file by opening it for
 * writing. The first refusal, or null. A missing folder is created (owner-only) first.
 */
export function firstWriteRefusal(folders: string[], files: string[]): WriteRefusal | null {
  const refusal = (path: string, error: unknown): WriteRefusal | null => {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (REFUSED.has(code)) return { path, code };
    throw error;
  };
  for (const folder of folders) {
    try {
      makePrivateDir(folder);
      const probe = join(folder, `.write-check-${process.pid}`);
      closeSync(openSync(probe, 'w', PRIVATE_FILE_MODE));
      rmSync(probe);
    } catch (error) {
      const refused = refusal(folder, error);
      if (refused) return refused;
    }
  }
  for (const file of files.filter((f) => existsSync(f))) {
    try {
      closeSync(openSync(file, 'r+'));
    } catch (error) {
      const refused = refusal(file, error);
      if (refused) return refused;
    }
  }
  return null;
}
