import type { Kysely } from 'kysely';
import type { DB } from '../../schema';

/** Closed months (月结): a row per month HR has closed; reopening deletes it. */
export function findClosedMonth(db: Kysely<DB>, month: string) {
  return db
    .selectFrom('attendance_months')
    .select(['month', 'closed_at as closedAt', 'closed_by as closedBy'])
    .where('month', '=', month)
    .executeTakeFirst();
}

export async function closedMonthsAmong(db: Kysely<DB>, months: string[]): Promise<string[]> {
  if (months.length === 0) return [];
  const rows = await db
    .selectFrom('attendance_months')
    .select('month')
    .where('month', 'in', [...new Set(months)])
    .orderBy('month')
    .execute();
  return rows.map((r) => r.month);
}

export async function closeMonth(db: Kysely<DB>, month: string, by: string, at: string) {
  await db
    .insertInto('attendance_months')
    .values({ month, closed_at: at, closed_by: by })
    .execute();
}

export async function reopenMonth(db: Kysely<DB>, month: string) {
  await db.deleteFrom('attendance_months').where('month', '=', month).execute();
}
