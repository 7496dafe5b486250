import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema';
import { cellsBetween } from '../org/schedule';

/** The schedule as attendance sees it: who is scheduled on an instance, and each cell's shift. */
/** The people scheduled on one shift instance, with their team; optionally one team only. */
export function scheduledOnInstance(
  db: Kysely<DB>,
  date: string,
  shiftTypeId: number,
  teamId?: number | null,
) {
  let query = db
    .selectFrom('schedule_entries as e')
    .innerJoin('staff as s', 's.id', 'e.staff_id')
    .leftJoin('teams as t', 't.id', 's.team_id')
    .select(['s.id as staffId', 's.name', 's.employee_no as employeeNo', 't.name as teamName'])
    // Someone else on the roster has this name: whoever reads it needs the employee number.
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('staff as twin')
            .select('twin.id')
            .whereRef('twin.name', '=', 's.name')
            .whereRef('twin.id', '<>', 's.id'),
        )
        .as('sameName'),
    )
    .where('e.work_date', '=', date)
    .where('e.shift_type_id', '=', shiftTypeId);
  if (teamId) query = query.where('s.team_id', '=', teamId);
  return query.orderBy(sql`natural_key(${sql.ref('s.employee_no')})`).execute();
}

/** Schedule cells of some people over a date range: shift type id, or null for a rest day. */
export async function scheduleCells(db: Kysely<DB>, staffIds: number[], from: string, to: string) {
  return (await cellsBetween(db, staffIds, from, to)).map((c) => ({
    staffId: c.staffId,
    date: c.date,
    shiftTypeId: c.value === 'rest' ? null : c.value,
  }));
}
