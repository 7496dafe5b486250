import { copyFileSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { queryBuilderOver } from './connection';
import { schemaVersionOf } from './version';

/**
 * Copies a live database with SQLite's online backup API (a copied live file is not a backup),
 * through a second, read-only connection: it sees only committed data and never waits on, or
 * blocks, the console's own transactions.
 */
export async function onlineBackup(source: string, target: string): Promise<void> {
  const reader = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await reader.backup(target);
  } finally {
    reader.close();
  }
}

/** PRAGMA quick_check on an open connection: 'ok' or what is wrong. */
export function quickCheck(sqlite: Database.Database): string {
  const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
  return rows.map((r) => r.quick_check).join('; ');
}

/** Opens a file read-only to see its schema version and whether SQLite can trust it. */
export function inspectDatabaseFile(file: string): { schemaVersion: number; check: string } {
  const peek = new Database(file, { readonly: true });
  try {
    return { schemaVersion: schemaVersionOf(peek), check: quickCheck(peek) };
  } finally {
    peek.close();
  }
}

/** The full checks a restore runs first: the file is whole and its references hold. */
export function checkDatabaseFile(file: string): { schemaVersion: number; problems: string[] } {
  const problems: string[] = [];
  let schemaVersion = 0;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: false }) as {
      integrity_check: string;
    }[];
    if (integrity[0]?.integrity_check !== 'ok')
      problems.push(`integrity_check: ${integrity.map((r) => r.integrity_check).join('; ')}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} broken reference(s)`);
    schemaVersion = schemaVersionOf(db);
  } catch (error) {
    problems.push(String(error instanceof Error ? error.message : error));
  } finally {
    db?.close();
  }
  return { schemaVersion, problems };
}

/** Replaces the (closed) database file with a backup's bytes, WAL files included. */
export function replaceDatabaseFile(target: string, backupFile: string) {
  const staged = `${target}.restoring`;
  copyFileSync(backupFile, staged);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staged, target);
}

/**
 * Runs portable queries on a file other than the console's own (a backup), through a read-only
 * connection of its own, closed afterwards.
 */
export async function readFileWith<DB, T>(
  file: string,
  query: (db: Kysely<DB>) => Promise<T>,
): Promise<T> {
  const db = queryBuilderOver<DB>(new Database(file, { readonly: true, fileMustExist: true }));
  try {
    return await query(db);
  } finally {
    await db.destroy();
  }
}
