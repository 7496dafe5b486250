import { sql, type Kysely } from 'kysely';

type Event = 'insert' | 'update' | 'delete';

/** A BEFORE trigger that aborts the statement, always or when `when` holds. */
async function createRefusal(
  db: Kysely<unknown>,
  t: { name: string; table: string; event: Event; when?: string; message: string },
) {
  const when = t.when ? `\n      when ${t.when}` : '';
  await sql
    .raw(
      `create trigger ${t.name} before ${t.event} on ${t.table}${when}
      begin select raise(abort, '${t.message.replace(/'/g, "''")}'); end`,
    )
    .execute(db);
}

/**
 * Append-only in the file itself, not just in our code: an UPDATE (or DELETE) of the table is
 * refused whatever the caller.
 */
export function appendOnly(
  db: Kysely<unknown>,
  t: { name: string; table: string; event: 'update' | 'delete'; message: string },
) {
  return createRefusal(db, t);
}

/** Locked means locked: a statement on a row whose `when` holds (e.g. acknowledged) is refused. */
export function lockedWhen(
  db: Kysely<unknown>,
  t: { name: string; table: string; event: Event; when: string; message: string },
) {
  return createRefusal(db, t);
}
