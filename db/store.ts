import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from './schema';
import { checkedMigrations, migrations, type Migration } from './migrations';
import {
  openConnection,
  queryBuilderOver,
  schemaVersionOf,
  writeSchemaVersion,
  type OpenOptions,
} from './sqlite';

export type { OpenOptions } from './sqlite';

export const DATABASE_FILE_NAME = 'console.sqlite';

export interface Store {
  /** Kysely over the connection: the portable query layer every module's queries use. */
  db: Kysely<DB>;
  /** The raw connection, for SQLite-only work: pragmas, backups, bulk loads. */
  sqlite: Database.Database;
  file: string;
  schemaVersion: number;
  close(): Promise<void>;
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

/** Runs each pending migration in its own transaction, with the version bump inside it. */
export async function migrate(
  db: Kysely<DB>,
  sqlite: Database.Database,
  list: readonly Migration[] = migrations,
): Promise<number> {
  const latest = checkedMigrations(list).length;
  const current = schemaVersionOf(sqlite);
  if (current > latest) throw new SchemaTooNewError(current, latest);
  for (const migration of list.filter((m) => m.version > current)) {
    await db.transaction().execute(async (trx) => {
      await migration.up(trx as unknown as Kysely<unknown>);
      await writeSchemaVersion(trx as unknown as Kysely<unknown>, migration.version);
    });
  }
  return latest;
}

export interface StoreOptions extends OpenOptions {
  /** The migrations to bring the file up to: the console's own unless a test brings its own. */
  migrations?: readonly Migration[];
}

export async function openStore(file: string, options: StoreOptions = {}): Promise<Store> {
  const sqlite = openConnection(file, options);
  const db = queryBuilderOver<DB>(sqlite);
  try {
    const schemaVersion = await migrate(db, sqlite, options.migrations);
    return { db, sqlite, file, schemaVersion, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
