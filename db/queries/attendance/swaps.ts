import type { Kysely } from 'kysely';
import type { DB } from '../../schema';

/** Shift swaps (换班, 调班): who swapped with whom on which dates, approved by whom. */
export async function insertSwap(
  db: Kysely<DB>,
  s: { staffAId: number; staffBId: number; dates: string[]; reason: string; approvedBy: string },
  at: string,
) {
  const row = await db
    .insertInto('shift_swaps')
    .values({
      staff_a_id: s.staffAId,
      staff_b_id: s.staffBId,
      first_date: s.dates[0]!,
      second_date: s.dates[1] ?? null,
      reason: s.reason,
      approved_by: s.approvedBy,
      approved_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listSwaps(
  db: Kysely<DB>,
  filter: { id?: number; from?: string; to?: string },
) {
  let query = db
    .selectFrom('shift_swaps as w')
    .innerJoin('staff as a', 'a.id', 'w.staff_a_id')
    .innerJoin('staff as b', 'b.id', 'w.staff_b_id')
    .select([
      'w.id',
      'w.staff_a_id as staffAId',
      'a.name as staffAName',
      'a.employee_no as staffAEmployeeNo',
      'w.staff_b_id as staffBId',
      'b.name as staffBName',
      'b.employee_no as staffBEmployeeNo',
      'w.first_date as firstDate',
      'w.second_date as secondDate',
      'w.reason',
      'w.approved_by as approvedBy',
      'w.approved_at as approvedAt',
    ]);
  if (filter.id) query = query.where('w.id', '=', filter.id);
  if (filter.from && filter.to) {
    const { from, to } = filter;
    query = query.where((eb) =>
      eb.or([eb.between('w.first_date', from, to), eb.between('w.second_date', from, to)]),
    );
  }
  const rows = await query.orderBy('w.first_date').orderBy('w.id').execute();
  return rows.map(({ firstDate, secondDate, ...rest }) => ({
    ...rest,
    dates: secondDate ? [firstDate, secondDate] : [firstDate],
  }));
}
