import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
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
 * busy timeout so a second process waits for the lock instead of failing at once.
 */
export function openConnection(file: string, options: OpenOptions = {}): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/**
 * Kysely's SQLite driver with the console's transactions:
 * - a read-only transaction is a plain (deferred) BEGIN: it reads a snapshot and takes no lock;
 * - every other one is BEGIN IMMEDIATE: it takes the write lock before its first read, so a second
 *   process on the same file waits (busy_timeout) instead of failing. A deferred transaction that
 *   read first cannot upgrade to a write once another process wrote: SQLITE_BUSY at once.
 * - a rollback after SQLite has already rolled back (a full disk, an I/O error) is skipped quietly,
 *   so the real cause is what the caller sees, not "cannot rollback - no transaction is active".
 */
class ConsoleSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings) {
    const begin = settings?.accessMode === 'read only' ? 'begin' : 'begin immediate';
    await connection.executeQuery(CompiledQuery.raw(begin));
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
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver() {
    return new ConsoleSqliteDriver(this.config);
  }
}

/** Kysely over the connection: the portable query layer every module's queries use. */
export function queryBuilderOver<DB>(sqlite: Database.Database): Kysely<DB> {
  return new Kysely<DB>({ dialect: new ConsoleSqliteDialect({ database: sqlite }) });
}
