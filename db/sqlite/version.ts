import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';

/** The schema version lives in the file's header (PRAGMA user_version): 0 for a new file. */
export function schemaVersionOf(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/** The same, read through the query layer (inside a transaction). */
export async function readSchemaVersion(db: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`pragma user_version`.execute(db);
  return Number(rows[0]?.user_version ?? 0);
}

/** Records the version a migration reached, inside the migration's own transaction. */
export async function writeSchemaVersion(db: Kysely<unknown>, version: number): Promise<void> {
  if (!Number.isInteger(version) || version < 0) throw new Error(`bad schema version ${version}`);
  await sql.raw(`PRAGMA user_version = ${version}`).execute(db);
}
