import type { Kysely } from 'kysely';
import type { DB } from '../../schema';

/** Addenda: what is added to an acknowledged sheet, never edited. */
export async function insertAddendum(
  db: Kysely<DB>,
  a: { handoverId: number; userId: number | null; author: string; text: string },
  at: string,
) {
  await db
    .insertInto('handover_addenda')
    .values({
      handover_id: a.handoverId,
      author_user_id: a.userId,
      author_name: a.author,
      at,
      text: a.text,
    })
    .execute();
}

export function addendaOf(db: Kysely<DB>, handoverId: number) {
  return db
    .selectFrom('handover_addenda')
    .select(['id', 'author_name as author', 'at', 'text'])
    .where('handover_id', '=', handoverId)
    .orderBy('id')
    .execute();
}
