import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { narrowToOwner, PRIVATE_FILE_MODE } from './sqlite';

/**
 * Writes a whole file or nothing: a temporary file, flushed to disk, then renamed over the old one.
 * A crash mid-way leaves the previous version, never half a file. Owner-only from the start
 * (the audit key, the chain head, backup manifests: see sqlite/files.ts for why).
 */
export function writeOwnerOnly(file: string, data: string | Buffer): void {
  const staged = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(staged, 'w', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    narrowToOwner(staged);
    renameSync(staged, file);
  } catch (error) {
    rmSync(staged, { force: true });
    throw error;
  }
}
