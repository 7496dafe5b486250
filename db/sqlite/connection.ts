import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { classifyDatabaseError } from './errors';
import { makePrivateDir, makePrivateFile, narrowToOwner } from './files';
import { registerNaturalKey } from './natural-key';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';

export interface OpenOptions {
  /** Path of a better-sqlite3 build for another runtime (Electron); see electron/main/native-binding.ts. */
  nativeBinding?: string;
}

/**
 * The one connection to the file, with the pragmas every connection needs: WAL with FULL sync
 * (a committed action survives a power cut), foreign keys (off by default, per connection), and a
 * busy timeout so a second process waits for the lock instead of failing at once. The folder is
 * owner-only and so is the file, created that way before SQLite opens it (its -wal and -shm
 * take the file's mode); files an older console left readable by others are narrowed.
 */
export function openConnection(file: string, options: OpenOptions = {}): Database.Database {
  makePrivateDir(dirname(file));
  makePrivateFile(file);
  for (const suffix of ['-wal', '-shm']) narrowToOwner(`${file}${suffix}`);
  const sqlite = new Database(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  registerNaturalKey(sqlite);
  return sqlite;
}

/** How long a write waits for another process's write lock before it answers "busy". */
export const WRITE_LOCK_WAIT_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * BEGIN IMMEDIATE, waiting for another process's write lock without stopping this one. SQLite's
 * own busy handler sleeps the thread: the whole host (in Electron, the main process and so every
 * window's IPC) would stand still. So the lock is tried without it, and while another process
 * holds it the attempt is repeated after short, growing, jittered pauses — short, so a process
 * that writes back to back cannot starve the other for long — until `waitMs` have passed.
 * Any busy code counts (SQLITE_BUSY, _RECOVERY, …: see errors.ts); anything else fails at once.
 */
export async function beginImmediate(sqlite: Database.Database, waitMs = WRITE_LOCK_WAIT_MS) {
  const deadline = Date.now() + waitMs;
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        sqlite.exec('begin immediate');
        return;
      } catch (error) {
        if (classifyDatabaseError(error)?.kind !== 'busy' || Date.now() >= deadline) throw error;
        await sleep(Math.min(2 ** attempt, 20) * (0.5 + Math.random()));
      }
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/**
 * Kysely's SQLite driver with the console's transactions:
 * - a read-only transaction is a plain (deferred) BEGIN: it reads a snapshot and takes no lock;
 * - every other one is BEGIN IMMEDIATE (beginImmediate above): it takes the write lock before its
 *   first read, so a second process on the same file waits instead of failing. A deferred
 *   transaction that read first cannot upgrade to a write once another process wrote:
 *   SQLITE_BUSY_SNAPSHOT at once, whatever the busy timeout.
 * - a rollback after SQLite has already rolled back (a full disk, an I/O error) is skipped quietly,
 *   so the real cause is what the caller sees, not "cannot rollback - no transaction is active".
 */
class ConsoleSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: Database.Database,
  ) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings) {
    if (settings?.accessMode === 'read only')
      await connection.executeQuery(CompiledQuery.raw('begin'));
    else await beginImmediate(this.sqlite);
  }

  override async rollbackTransaction(connection: DatabaseConnection) {
    try {
      await super.rollbackTransaction(connection);
    } catch (error) {
      if (!/no transaction is active/i.test(String(error))) throw error;
    }
  }
}

class ConsoleSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: Database.Database) {
    super({ database: sqlite });
  }

  override createDriver() {
    return new ConsoleSqliteDriver({ database: this.sqlite }, this.sqlite);
  }
}

/** Kysely over the connection: the portable query layer every module's queries use. */
export function queryBuilderOver<DB>(sqlite: Database.Database): Kysely<DB> {
  return new Kysely<DB>({ dialect: new ConsoleSqliteDialect(sqlite) });
}
