import { sql, type Kysely, type Transaction } from 'kysely';

/**
 * A read transaction that cannot write: `query_only` refuses every write for its duration, so a
 * read channel that tried to write fails instead of committing. The connection is Kysely's single
 * one, held by this transaction until it ends, so no other statement runs under the flag.
 */
export function readTransaction<DB, T>(
  db: Kysely<DB>,
  run: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`pragma query_only = on`.execute(trx);
      try {
        return await run(trx);
      } finally {
        await sql`pragma query_only = off`.execute(trx);
      }
    });
}

/**
 * A write transaction: one user action, its audit entry included, commits or rolls back whole. It
 * begins IMMEDIATE (see connection.ts), taking the write lock before its first read.
 */
export function writeTransaction<DB, T>(
  db: Kysely<DB>,
  run: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(run);
}
