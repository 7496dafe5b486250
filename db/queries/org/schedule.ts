import { sql, type Kysely } from 'kysely';
import type { DB } from '../../schema';

export interface ScheduleCell {
  staffId: number;
  date: string;
  /** A shift type id, or 'rest' for a rest day (休息). */
  value: number | 'rest';
}

/** Staff shown on a team's week: everyone in the team who had not left before the week began. */
export function staffOnTeamWeek(db: Kysely<DB>, teamId: number, weekStart: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'employee_no as employeeNo', 'position', 'status', 'left_on as leftOn'])
    .where('team_id', '=', teamId)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', weekStart)]))
    .orderBy(sql`natural_key(${sql.ref('employee_no')})`)
    .execute();
}

export async function cellsBetween(
  db: Kysely<DB>,
  staffIds: number[],
  from: string,
  to: string,
): Promise<ScheduleCell[]> {
  if (staffIds.length === 0) return [];
  const rows = await db
    .selectFrom('schedule_entries')
    .select(['staff_id', 'work_date', 'shift_type_id'])
    .where('staff_id', 'in', staffIds)
    .where('work_date', '>=', from)
    .where('work_date', '<=', to)
    .execute();
  return rows.map((r) => ({
    staffId: r.staff_id,
    date: r.work_date,
    value: r.shift_type_id ?? 'rest',
  }));
}

/** Sets one cell; value null removes it. Returns whether anything changed. */
export async function setCell(
  db: Kysely<DB>,
  staffId: number,
  date: string,
  value: number | 'rest' | null,
  at: string,
): Promise<boolean> {
  if (value === null) {
    const result = await db
      .deleteFrom('schedule_entries')
      .where('staff_id', '=', staffId)
      .where('work_date', '=', date)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
  const shiftTypeId = value === 'rest' ? null : value;
  const result = await db
    .insertInto('schedule_entries')
    .values({ staff_id: staffId, work_date: date, shift_type_id: shiftTypeId, updated_at: at })
    .onConflict((oc) =>
      oc
        .columns(['staff_id', 'work_date'])
        .doUpdateSet({ shift_type_id: shiftTypeId, updated_at: at })
        .where('schedule_entries.shift_type_id', 'is distinct from', shiftTypeId),
    )
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** The dates a person is scheduled after a day (rest days included). */
export async function scheduledDatesAfter(db: Kysely<DB>, staffId: number, day: string) {
  const rows = await db
    .selectFrom('schedule_entries')
    .select('work_date')
    .where('staff_id', '=', staffId)
    .where('work_date', '>', day)
    .execute();
  return rows.map((e) => e.work_date);
}

export async function clearScheduleAfter(db: Kysely<DB>, staffId: number, lastDay: string) {
  await db
    .deleteFrom('schedule_entries')
    .where('staff_id', '=', staffId)
    .where('work_date', '>', lastDay)
    .execute();
}

/** Everyone with a schedule entry on one date, with their team, ordered for display. */
export function entriesOnDate(db: Kysely<DB>, date: string) {
  return db
    .selectFrom('schedule_entries as e')
    .innerJoin('staff as s', 's.id', 'e.staff_id')
    .leftJoin('teams as t', 't.id', 's.team_id')
    .select([
      'e.shift_type_id as shiftTypeId',
      's.id',
      's.name',
      's.employee_no as employeeNo',
      't.name as teamName',
    ])
    .where('e.work_date', '=', date)
    .orderBy('t.name')
    .orderBy(sql`natural_key(${sql.ref('s.employee_no')})`)
    .execute();
}
