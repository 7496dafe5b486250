import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { DB } from './schema';
import { migrations, type Migration } from './migrations';

export const DATABASE_FILE_NAME = 'console.sqlite';

export interface Store {
  /** Kysely over the connection: the portable query layer every domain query uses. */
  db: Kysely<DB>;
  /** The raw connection, for SQLite-only work: pragmas, backups, bulk loads. */
  sqlite: Database.Database;
  file: string;
  schemaVersion: number;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Path of a better-sqlite3 build for another runtime (Electron); see electron/main/native-binding.ts. */
  nativeBinding?: string;
}

/** Raised when the file was written by a newer console: opening it could destroy data. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This database was written by a newer version of the console (schema ${found}; this version knows up to ${supported}). ` +
        'Install the newer console, or restore an older backup.',
    );
  }
}

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

export function schemaVersionOf(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/** Runs each pending migration in its own transaction, with the version bump inside it. */
export async function migrate(
  db: Kysely<DB>,
  sqlite: Database.Database,
  list: readonly Migration[] = migrations,
): Promise<number> {
  const current = schemaVersionOf(sqlite);
  if (current > list.length) throw new SchemaTooNewError(current, list.length);
  for (let version = current + 1; version <= list.length; version++) {
    const migration = list[version - 1]!;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx as unknown as Kysely<unknown>);
      await sql.raw(`PRAGMA user_version = ${version}`).execute(trx);
    });
  }
  return list.length;
}

export async function openStore(file: string, options: OpenOptions = {}): Promise<Store> {
  const sqlite = openConnection(file, options);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const schemaVersion = await migrate(db, sqlite);
    return { db, sqlite, file, schemaVersion, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
