import { sql, type Kysely } from 'kysely';
import { WORKED_STATUSES } from '../../../shared/domain/attendance';
import type { DB } from '../../schema';
import { jsonGroupObject } from '../../sqlite';

const worked = sql.join(WORKED_STATUSES.map((s) => sql.lit(s)));

/**
 * The month's figures per person, summed in one SQL statement: scheduled shifts (and how many
 * have no record yet), the records' counts and minutes, and leave per type. A person appears once
 * scheduled or recorded in the month. With `through`, a shift still to come counts nowhere: not
 * as scheduled, not as unrecorded, and its leave entered ahead not yet either.
 */
export async function monthFigures(
  db: Kysely<DB>,
  from: string,
  to: string,
  teamId?: number | null,
  /** 'yyyy-MM-dd HH:mm': only shift instances started by then count (a month in progress). */
  through?: string | null,
) {
  // The one team filter, on whichever staff id column each part of the query has.
  const inTeam = (staffId: string) =>
    teamId
      ? sql`and ${sql.ref(staffId)} in (select id from staff where team_id = ${teamId})`
      : sql``;
  // A month in progress: an instance counts once its shift has started.
  const startedEntry = through
    ? sql`and e.work_date || ' ' || (select start_time from shift_types where id = e.shift_type_id) <= ${through}`
    : sql``;
  const startedRecord = through
    ? sql`and coalesce(planned_start, work_date || ' 00:00') <= ${through}`
    : sql``;
  const { rows } = await sql<{
    staffId: number;
    employeeNo: string;
    name: string;
    teamId: number | null;
    teamName: string | null;
    scheduled: number;
    unrecorded: number;
    worked: number;
    lateCount: number;
    lateMinutes: number;
    earlyCount: number;
    earlyMinutes: number;
    missingPunchCount: number;
    absenceDays: number;
    lateAbsenceDays: number;
    overtimeMinutes: number;
    /** Shifts on leave by leave type id, as JSON: {"2": 1}. */
    leave: string | null;
  }>`
    with planned as (
      select e.staff_id, count(*) as scheduled, sum(case when r.id is null then 1 else 0 end) as unrecorded
      from schedule_entries e
      left join attendance_records r on r.staff_id = e.staff_id and r.work_date = e.work_date
      where e.work_date between ${from} and ${to} and e.shift_type_id is not null
        ${inTeam('e.staff_id')} ${startedEntry}
      group by e.staff_id),
    recorded as (
      select staff_id,
        sum(case when status in (${worked}) then 1 else 0 end) as worked,
        sum(case when late_minutes > 0 then 1 else 0 end) as late_count,
        sum(late_minutes) as late_minutes,
        sum(case when early_minutes > 0 then 1 else 0 end) as early_count,
        sum(early_minutes) as early_minutes,
        sum(case when status = 'missing_punch' then 1 else 0 end) as missing_punch_count,
        sum(absence_days) as absence_days,
        sum(case when status in (${worked}) then absence_days else 0 end) as late_absence_days,
        sum(overtime_minutes) as overtime_minutes
      from attendance_records
      where work_date between ${from} and ${to} ${inTeam('staff_id')} ${startedRecord}
      group by staff_id),
    on_leave as (
      select staff_id, ${jsonGroupObject(sql`leave_type_id`, sql`shifts`)} as leave from (
        select staff_id, leave_type_id, count(*) as shifts from attendance_records
        where work_date between ${from} and ${to} and status = 'leave' ${inTeam('staff_id')}
          ${startedRecord}
        group by staff_id, leave_type_id)
      group by staff_id)
    select s.id as "staffId", s.employee_no as "employeeNo", s.name, s.team_id as "teamId",
      t.name as "teamName",
      coalesce(p.scheduled, 0) as scheduled, coalesce(p.unrecorded, 0) as unrecorded,
      coalesce(r.worked, 0) as worked, coalesce(r.late_count, 0) as "lateCount",
      coalesce(r.late_minutes, 0) as "lateMinutes", coalesce(r.early_count, 0) as "earlyCount",
      coalesce(r.early_minutes, 0) as "earlyMinutes",
      coalesce(r.missing_punch_count, 0) as "missingPunchCount", coalesce(r.absence_days, 0) as "absenceDays",
      coalesce(r.late_absence_days, 0) as "lateAbsenceDays",
      coalesce(r.overtime_minutes, 0) as "overtimeMinutes", l.leave
    from staff s
    left join teams t on t.id = s.team_id
    left join planned p on p.staff_id = s.id
    left join recorded r on r.staff_id = s.id
    left join on_leave l on l.staff_id = s.id
    where p.staff_id is not null or r.staff_id is not null
    order by s.team_id is null, s.team_id, natural_key(s.employee_no)`.execute(db);
  return rows.map((row) => ({
    ...row,
    leave: row.leave ? (JSON.parse(row.leave) as Record<string, number>) : {},
  }));
}
