import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { makePrivateFile, narrowToOwner } from './files';
import type { Kysely } from 'kysely';
import { queryBuilderOver, type OpenOptions } from './connection';
import { schemaVersionOf } from './version';

/**
 * Copies a live database with SQLite's online backup API (a copied live file is not a backup),
 * through a second, read-only connection: it sees only committed data and never waits on, or
 * blocks, the console's own transactions. The copy is owner-only like the database (see files.ts).
 */
export async function onlineBackup(
  source: string,
  target: string,
  options: OpenOptions = {},
): Promise<void> {
  const reader = readOnlyConnection(source, options);
  try {
    makePrivateFile(target);
    await reader.backup(target);
  } catch (error) {
    // A copy cut short (a full disk) is no backup: give its space back.
    for (const file of [target, `${target}-journal`]) rmSync(file, { force: true });
    throw error;
  } finally {
    reader.close();
  }
}

/** PRAGMA quick_check on an open connection: 'ok' or what is wrong. */
export function quickCheck(sqlite: Database.Database): string {
  const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
  return rows.map((r) => r.quick_check).join('; ');
}

/**
 * A read-only connection of its own to a file: through the runtime's own build of better-sqlite3
 * (`nativeBinding`: the Electron build in the desktop app), like the console's connection.
 */
function readOnlyConnection(file: string, options: OpenOptions, mustExist = true) {
  return new Database(file, {
    readonly: true,
    fileMustExist: mustExist,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

/** Opens a file read-only to see its schema version and whether SQLite can trust it. */
export function inspectDatabaseFile(
  file: string,
  options: OpenOptions = {},
): { schemaVersion: number; check: string } {
  const peek = readOnlyConnection(file, options, false);
  try {
    return { schemaVersion: schemaVersionOf(peek), check: quickCheck(peek) };
  } finally {
    peek.close();
  }
}

/**
 * The full checks of a backup file, as plain JavaScript for a worker thread (a worker evaluates
 * its code as given): integrity_check reads every page, seconds on a large file, and on the main
 * thread it would hold up every desk's request meanwhile.
 */
const CHECK_IN_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const problems = [];
let schemaVersion = 0;
let db;
try {
  db = new Database(workerData.file, {
    readonly: true,
    fileMustExist: true,
    ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}),
  });
  const integrity = db.pragma('integrity_check');
  if (!integrity[0] || integrity[0].integrity_check !== 'ok')
    problems.push('integrity_check: ' + integrity.map((r) => r.integrity_check).join('; '));
  const fk = db.pragma('foreign_key_check');
  if (fk.length > 0) problems.push('foreign_key_check: ' + fk.length + ' broken reference(s)');
  schemaVersion = db.pragma('user_version', { simple: true });
} catch (error) {
  problems.push(String(error && error.message ? error.message : error));
} finally {
  if (db) db.close();
}
parentPort.postMessage({ schemaVersion, problems });
`;

/** The full checks a restore runs first, off the main thread: the file is whole and its references hold. */
export function checkDatabaseFile(
  file: string,
  options: OpenOptions = {},
): Promise<{ schemaVersion: number; problems: string[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECK_IN_WORKER, {
      eval: true,
      workerData: {
        file,
        module: createRequire(import.meta.url).resolve('better-sqlite3'),
        nativeBinding: options.nativeBinding,
      },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the file check stopped (exit ${code})`));
    });
  });
}

/** Replaces the (closed) database file with a backup's bytes, WAL files included. */
export function replaceDatabaseFile(target: string, backupFile: string) {
  const staged = `${target}.restoring`;
  copyFileSync(backupFile, staged);
  narrowToOwner(staged);
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
  options: OpenOptions = {},
): Promise<T> {
  const db = queryBuilderOver<DB>(readOnlyConnection(file, options));
  try {
    return await query(db);
  } finally {
    await db.destroy();
  }
}
