import { sql, type Kysely } from 'kysely';
import { migrations, type Migration } from '../../db/migrations';

/**
 * One more schema version for the crash test, slow enough to be killed in the middle: it adds a
 * column to every team and copies the folder's ballast table (crash_ballast, some megabytes).
 * It says "in migration" on stdout as it begins, inside the migration's transaction.
 */
export const SLOW_MIGRATION: Migration = {
  version: migrations.length + 1,
  name: 'crash-test-rewrite',
  async up(db: Kysely<unknown>) {
    process.stdout.write('in migration\n');
    await sql`alter table teams add column crash_note text`.execute(db);
    await sql`update teams set crash_note = 'migrated ' || name`.execute(db);
    await sql`create table crash_copy as select b from crash_ballast`.execute(db);
  },
};
