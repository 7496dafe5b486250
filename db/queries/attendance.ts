import { sql, type Kysely } from 'kysely';
import type { AttendanceRecord, LeaveType, PenaltyProposal } from '../../shared/contract';
import {
  WORKED_STATUSES,
  type ProposalWanted,
  type AttendanceMark,
  type AttendanceStatus,
} from '../../shared/domain/attendance';
import type { DB } from '../schema';
import { jsonGroupObject } from '../sqlite';
import { cellsBetween } from './schedule';

/* ---------- leave types ---------- */

export async function listLeaveTypes(db: Kysely<DB>): Promise<LeaveType[]> {
  const rows = await db
    .selectFrom('leave_types')
    .select(['id', 'code', 'name', 'paid', 'active'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, paid: r.paid === 1, active: r.active === 1 }));
}

export async function insertLeaveType(db: Kysely<DB>, t: Omit<LeaveType, 'id'>, at: string) {
  const row = await db
    .insertInto('leave_types')
    .values({
      code: t.code,
      name: t.name,
      paid: t.paid ? 1 : 0,
      active: t.active ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateLeaveType(db: Kysely<DB>, t: LeaveType, at: string) {
  await db
    .updateTable('leave_types')
    .set({
      code: t.code,
      name: t.name,
      paid: t.paid ? 1 : 0,
      active: t.active ? 1 : 0,
      updated_at: at,
    })
    .where('id', '=', t.id)
    .execute();
}

/* ---------- records ---------- */

function selectRecords(db: Kysely<DB>) {
  return db
    .selectFrom('attendance_records as r')
    .select([
      'r.id',
      'r.staff_id as staffId',
      'r.work_date as date',
      'r.shift_type_id as shiftTypeId',
      'r.planned_start as plannedStart',
      'r.planned_end as plannedEnd',
      'r.clock_in as clockIn',
      'r.clock_out as clockOut',
      'r.mark',
      'r.leave_type_id as leaveTypeId',
      'r.status',
      'r.late_minutes as lateMinutes',
      'r.early_minutes as earlyMinutes',
      'r.overtime_minutes as overtimeMinutes',
      'r.absence_days as absenceDays',
      'r.remark',
      'r.source',
      'r.recorded_by as recordedBy',
      'r.updated_at as updatedAt',
    ]);
}

type RecordRow = Awaited<ReturnType<ReturnType<typeof selectRecords>['executeTakeFirstOrThrow']>>;
const toRecord = (row: RecordRow): AttendanceRecord => ({
  ...row,
  mark: row.mark as AttendanceMark | null,
  status: row.status as AttendanceStatus,
  source: row.source as AttendanceRecord['source'],
});

export async function findRecord(db: Kysely<DB>, staffId: number, date: string) {
  const row = await selectRecords(db)
    .where('r.staff_id', '=', staffId)
    .where('r.work_date', '=', date)
    .executeTakeFirst();
  return row && toRecord(row);
}

export async function recordsBetween(
  db: Kysely<DB>,
  from: string,
  to: string,
  filter: { staffIds?: number[] } = {},
): Promise<AttendanceRecord[]> {
  let query = selectRecords(db).where('r.work_date', '>=', from).where('r.work_date', '<=', to);
  if (filter.staffIds) {
    if (filter.staffIds.length === 0) return [];
    query = query.where('r.staff_id', 'in', filter.staffIds);
  }
  return (await query.orderBy('r.work_date').orderBy('r.staff_id').execute()).map(toRecord);
}

export type RecordFields = Omit<AttendanceRecord, 'id' | 'updatedAt'>;

/** Writes the one record of a staff member's shift instance, creating or replacing it. */
export async function saveRecord(db: Kysely<DB>, r: RecordFields, at: string) {
  const values = {
    shift_type_id: r.shiftTypeId,
    planned_start: r.plannedStart,
    planned_end: r.plannedEnd,
    clock_in: r.clockIn,
    clock_out: r.clockOut,
    mark: r.mark,
    leave_type_id: r.leaveTypeId,
    status: r.status,
    late_minutes: r.lateMinutes,
    early_minutes: r.earlyMinutes,
    overtime_minutes: r.overtimeMinutes,
    absence_days: r.absenceDays,
    remark: r.remark,
    source: r.source,
    recorded_by: r.recordedBy,
    updated_at: at,
  };
  await db
    .insertInto('attendance_records')
    .values({ ...values, staff_id: r.staffId, work_date: r.date, created_at: at })
    .onConflict((oc) => oc.columns(['staff_id', 'work_date']).doUpdateSet(values))
    .execute();
}

/* ---------- schedule as attendance sees it ---------- */

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
    .where('e.work_date', '=', date)
    .where('e.shift_type_id', '=', shiftTypeId);
  if (teamId) query = query.where('s.team_id', '=', teamId);
  return query.orderBy('s.employee_no').execute();
}

/** Schedule cells of some people over a date range: shift type id, or null for a rest day. */
export async function scheduleCells(db: Kysely<DB>, staffIds: number[], from: string, to: string) {
  return (await cellsBetween(db, staffIds, from, to)).map((c) => ({
    staffId: c.staffId,
    date: c.date,
    shiftTypeId: c.value === 'rest' ? null : c.value,
  }));
}

/* ---------- month close ---------- */

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

/* ---------- month summary ---------- */

const worked = sql.join(WORKED_STATUSES.map((s) => sql.lit(s)));

/**
 * The month's figures per person, summed in one SQL statement: scheduled shifts (and how many
 * have no record yet), the records' counts and minutes, and leave per type. A person appears once
 * scheduled or recorded in the month.
 */
export async function monthFigures(
  db: Kysely<DB>,
  from: string,
  to: string,
  teamId?: number | null,
) {
  const inTeam = teamId
    ? sql`and staff_id in (select id from staff where team_id = ${teamId})`
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
    absenceDays: number;
    overtimeMinutes: number;
    /** Shifts on leave by leave type id, as JSON: {"2": 1}. */
    leave: string | null;
  }>`
    with planned as (
      select e.staff_id, count(*) as scheduled, sum(case when r.id is null then 1 else 0 end) as unrecorded
      from schedule_entries e
      left join attendance_records r on r.staff_id = e.staff_id and r.work_date = e.work_date
      where e.work_date between ${from} and ${to} and e.shift_type_id is not null
        ${teamId ? sql`and e.staff_id in (select id from staff where team_id = ${teamId})` : sql``}
      group by e.staff_id),
    recorded as (
      select staff_id,
        sum(case when status in (${worked}) then 1 else 0 end) as worked,
        sum(case when late_minutes > 0 then 1 else 0 end) as late_count,
        sum(late_minutes) as late_minutes,
        sum(case when early_minutes > 0 then 1 else 0 end) as early_count,
        sum(early_minutes) as early_minutes,
        sum(absence_days) as absence_days,
        sum(overtime_minutes) as overtime_minutes
      from attendance_records
      where work_date between ${from} and ${to} ${inTeam}
      group by staff_id),
    on_leave as (
      select staff_id, ${jsonGroupObject(sql`leave_type_id`, sql`shifts`)} as leave from (
        select staff_id, leave_type_id, count(*) as shifts from attendance_records
        where work_date between ${from} and ${to} and status = 'leave' ${inTeam}
        group by staff_id, leave_type_id)
      group by staff_id)
    select s.id as "staffId", s.employee_no as "employeeNo", s.name, s.team_id as "teamId",
      t.name as "teamName",
      coalesce(p.scheduled, 0) as scheduled, coalesce(p.unrecorded, 0) as unrecorded,
      coalesce(r.worked, 0) as worked, coalesce(r.late_count, 0) as "lateCount",
      coalesce(r.late_minutes, 0) as "lateMinutes", coalesce(r.early_count, 0) as "earlyCount",
      coalesce(r.early_minutes, 0) as "earlyMinutes", coalesce(r.absence_days, 0) as "absenceDays",
      coalesce(r.overtime_minutes, 0) as "overtimeMinutes", l.leave
    from staff s
    left join teams t on t.id = s.team_id
    left join planned p on p.staff_id = s.id
    left join recorded r on r.staff_id = s.id
    left join on_leave l on l.staff_id = s.id
    where p.staff_id is not null or r.staff_id is not null
    order by s.team_id is null, s.team_id, s.employee_no`.execute(db);
  return rows;
}

/* ---------- swaps ---------- */

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
      'w.staff_b_id as staffBId',
      'b.name as staffBName',
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

/* ---------- penalty proposals ---------- */

/**
 * Makes one person's proposals for one month match what the rules want now: new ones proposed,
 * ones no longer supported (a corrected absence) withdrawn, evidence kept current.
 */
export async function reconcileProposals(
  db: Kysely<DB>,
  staffId: number,
  month: string,
  wanted: ProposalWanted[],
  at: string,
) {
  const existing = await db
    .selectFrom('penalty_proposals')
    .select(['id', 'rule_key', 'state'])
    .where('staff_id', '=', staffId)
    .where('month', '=', month)
    .execute();
  const byKey = new Map(existing.map((p) => [p.rule_key, p]));
  const wantedKeys = new Set(wanted.map((w) => w.ruleKey));
  for (const p of existing) {
    if (!wantedKeys.has(p.rule_key) && p.state === 'proposed') {
      await db
        .updateTable('penalty_proposals')
        .set({ state: 'withdrawn', updated_at: at })
        .where('id', '=', p.id)
        .execute();
    }
  }
  for (const w of wanted) {
    let id = byKey.get(w.ruleKey)?.id;
    if (id === undefined) {
      id = (
        await db
          .insertInto('penalty_proposals')
          .values({
            staff_id: staffId,
            month,
            rule: w.rule,
            rule_key: w.ruleKey,
            state: 'proposed',
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else if (byKey.get(w.ruleKey)?.state !== 'proposed') {
      await db
        .updateTable('penalty_proposals')
        .set({ state: 'proposed', updated_at: at })
        .where('id', '=', id)
        .execute();
    }
    await db.deleteFrom('penalty_proposal_evidence').where('proposal_id', '=', id).execute();
    await db
      .insertInto('penalty_proposal_evidence')
      .values(w.evidence.map((attendanceId) => ({ proposal_id: id, attendance_id: attendanceId })))
      .execute();
  }
}

export async function listProposals(db: Kysely<DB>, month: string): Promise<PenaltyProposal[]> {
  const rows = await db
    .selectFrom('penalty_proposals as p')
    .innerJoin('staff as s', 's.id', 'p.staff_id')
    .select([
      'p.id',
      'p.staff_id as staffId',
      's.name',
      's.employee_no as employeeNo',
      'p.month',
      'p.rule',
      'p.state',
      'p.created_at as createdAt',
    ])
    .where('p.month', '=', month)
    .orderBy('s.employee_no')
    .orderBy('p.id')
    .execute();
  const evidence = rows.length
    ? await db
        .selectFrom('penalty_proposal_evidence as v')
        .innerJoin('attendance_records as r', 'r.id', 'v.attendance_id')
        .select([
          'v.proposal_id as proposalId',
          'r.id as recordId',
          'r.work_date as date',
          'r.status',
        ])
        .where(
          'v.proposal_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('r.work_date')
        .execute()
    : [];
  return rows.map((r) => ({
    ...r,
    rule: r.rule as PenaltyProposal['rule'],
    state: r.state as PenaltyProposal['state'],
    evidence: evidence
      .filter((e) => e.proposalId === r.id)
      .map(({ recordId, date, status }) => ({
        recordId,
        date,
        status: status as AttendanceStatus,
      })),
  }));
}
