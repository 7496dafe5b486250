import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';

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

/** Kysely over the connection: the portable query layer every module's queries use. */
export function queryBuilderOver<DB>(sqlite: Database.Database): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
}
