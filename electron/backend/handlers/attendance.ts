import {
  failure,
  type FieldIssue,
  type ShiftType,
  type MonthSummary,
  type ShiftAttendance,
  type SummaryFigures,
} from '../../../shared/contract';
import { clockFitsInstance, plannedTimes } from '../../../shared/domain/attendance';
import { monthDates, monthOf } from '../../../shared/domain/time';
import { closeMonth, findClosedMonth, reopenMonth } from '../../../db/queries/attendance/months';
import { findRecord, recordsBetween } from '../../../db/queries/attendance/records';
import {
  insertLeaveType,
  listLeaveTypes,
  updateLeaveType,
} from '../../../db/queries/attendance/leave-types';
import { insertSwap, listSwaps } from '../../../db/queries/attendance/swaps';
import { listProposals } from '../../../db/queries/attendance/proposals';
import { monthFigures } from '../../../db/queries/attendance/figures';
import { scheduleCells, scheduledOnInstance } from '../../../db/queries/attendance/schedule';
import { setCell } from '../../../db/queries/org/schedule';
import { putSetting } from '../../../db/queries/settings/settings';
import { findTeam } from '../../../db/queries/org/teams';
import { attendanceCsv, attendanceFileName, attendanceXlsx } from '../export/attendance';
import type { Handler, HandlerContext } from '../context';
import {
  assertMonthsOpen,
  readRules,
  reclassifyRecords,
  RULES_SETTING,
  shiftTypesById,
  writeRecords,
  type RecordChange,
} from '../attendance/records';
import { mustFindStaff } from './staff';

/* ---------- leave types and rules ---------- */

export const leaveTypesList: Handler<'attendance.leaveTypes.list'> = (ctx) =>
  listLeaveTypes(ctx.db);

export const leaveTypesCreate: Handler<'attendance.leaveTypes.create'> = async (ctx, input) => {
  const id = await insertLeaveType(ctx.db, input, ctx.now);
  await ctx.audit({ action: 'create', entity: 'leave_type', entityId: id, after: input });
  return { id, ...input };
};

export const leaveTypesUpdate: Handler<'attendance.leaveTypes.update'> = async (ctx, input) => {
  const before = (await listLeaveTypes(ctx.db)).find((t) => t.id === input.id);
  if (!before) throw failure('not_found', `leave type ${input.id} not found`, { field: 'id' });
  await updateLeaveType(ctx.db, input, ctx.now);
  await ctx.audit({
    action: 'update',
    entity: 'leave_type',
    entityId: input.id,
    before,
    after: input,
  });
  return input;
};

export const attendanceRulesGet: Handler<'attendance.rules'> = (ctx) => readRules(ctx);

export const attendanceRulesUpdate: Handler<'attendance.updateRules'> = async (ctx, rules) => {
  const before = await readRules(ctx);
  await putSetting(ctx.db, RULES_SETTING, JSON.stringify(rules), ctx.now);
  await ctx.audit({
    action: 'update',
    entity: 'settings',
    entityId: RULES_SETTING,
    before,
    after: rules,
  });
  return rules;
};

async function mustFindLeaveType(ctx: HandlerContext, id: number, field: string) {
  const type = (await listLeaveTypes(ctx.db)).find((t) => t.id === id && t.active);
  if (!type) {
    throw failure('invalid_input', `unknown leave type ${id}`, {
      field,
      key: 'errors.unknownLeaveType',
      issues: [{ field, key: 'errors.unknownLeaveType' }],
    });
  }
  return type;
}

/* ---------- one shift instance: roll-call and the handover's staffing ---------- */

/** Also the handover's staffing section. */
export async function shiftAttendance(
  ctx: HandlerContext,
  date: string,
  shiftTypeId: number,
  teamId?: number | null,
): Promise<ShiftAttendance> {
  const shift = (await shiftTypesById(ctx)).get(shiftTypeId);
  if (!shift) {
    throw failure('not_found', `shift type ${shiftTypeId} not found`, {
      field: 'shiftTypeId',
      key: 'errors.unknownShiftType',
    });
  }
  const scheduled = await scheduledOnInstance(ctx.db, date, shiftTypeId, teamId);
  const records = new Map(
    (await recordsBetween(ctx.db, date, date, { staffIds: scheduled.map((p) => p.staffId) })).map(
      (r) => [r.staffId, r],
    ),
  );
  const people = scheduled.map((p) => ({ ...p, record: records.get(p.staffId) ?? null }));
  const count = (test: (status: string) => boolean) =>
    people.filter((p) => p.record && test(p.record.status)).length;
  const { start, end } = plannedTimes(date, shift);
  return {
    date,
    shiftTypeId,
    plannedStart: start,
    plannedEnd: end,
    closed: !!(await findClosedMonth(ctx.db, monthOf(date))),
    people,
    counts: {
      scheduled: people.length,
      present: count((s) => ['present', 'early_leave', 'business_trip'].includes(s)),
      late: count((s) => s === 'late' || s === 'late_early'),
      absent: count((s) => s === 'absent'),
      leave: count((s) => s === 'leave'),
      unrecorded: people.filter((p) => !p.record).length,
    },
  };
}

export const attendanceShift: Handler<'attendance.shift'> = (ctx, input) =>
  shiftAttendance(ctx, input.date, input.shiftTypeId, input.teamId);

export const attendanceRollCall: Handler<'attendance.rollCall'> = async (ctx, input) => {
  const shift = (await shiftTypesById(ctx)).get(input.shiftTypeId);
  if (!shift) throw failure('not_found', 'unknown shift type', { field: 'shiftTypeId' });
  await assertMonthsOpen(ctx, [input.date]);
  const scheduled = new Set(
    (await scheduledOnInstance(ctx.db, input.date, input.shiftTypeId)).map((p) => p.staffId),
  );
  const issues: FieldIssue[] = [];
  for (const [i, entry] of input.entries.entries()) {
    if (!scheduled.has(entry.staffId)) {
      issues.push({ field: `entries.${i}.staffId`, key: 'errors.notScheduled' });
    }
    if (entry.leaveTypeId !== null)
      await mustFindLeaveType(ctx, entry.leaveTypeId, `entries.${i}.leaveTypeId`);
  }
  assertClockFits(
    input.date,
    shift,
    input.entries.map((e, i) => [`entries.${i}.arrivedAt`, e.arrivedAt] as const),
  );
  if (issues.length)
    throw failure('invalid_input', 'not scheduled on this shift', { ...issues[0], issues });

  const { start } = plannedTimes(input.date, shift);
  const existing = new Map(
    (
      await recordsBetween(ctx.db, input.date, input.date, {
        staffIds: input.entries.map((e) => e.staffId),
      })
    ).map((r) => [r.staffId, r]),
  );
  const changes: RecordChange[] = [];
  for (const entry of input.entries) {
    const current = existing.get(entry.staffId);
    // The roll-call states arrival; a clock-out already known (an import) stays.
    const arrived =
      entry.mark === 'present' ? start : entry.mark === 'late' ? entry.arrivedAt : null;
    changes.push({
      staffId: entry.staffId,
      date: input.date,
      shift,
      clockIn: arrived,
      clockOut: arrived ? (current?.clockOut ?? null) : null,
      mark: entry.mark === 'absent' ? 'absent' : entry.mark === 'leave' ? 'leave' : null,
      leaveTypeId: entry.leaveTypeId,
      overtimeMinutes: current?.overtimeMinutes,
      remark: current?.remark ?? null,
      source: 'roll_call',
    });
  }
  const written = await writeRecords(ctx, changes);
  await ctx.audit({
    action: 'update',
    entity: 'attendance',
    entityId: `${input.date}/${shift.code}`,
    before: { records: written.map((w) => w.before ?? { staffId: w.after.staffId, record: null }) },
    after: { records: written.map((w) => w.after) },
  });
  return shiftAttendance(ctx, input.date, input.shiftTypeId, input.teamId);
};

/* ---------- corrections and leave ---------- */

/** Refuses clock times too far from the shift to belong to it: a wrong day typed, most likely. */
function assertClockFits(
  date: string,
  shift: ShiftType | null,
  times: readonly (readonly [field: string, time: string | null])[],
) {
  const issues: FieldIssue[] = times
    .filter(([, time]) => time !== null && !clockFitsInstance(date, shift, time))
    .map(([field]) => ({ field, key: 'errors.clockFarFromShift', params: { date } }));
  if (issues.length) {
    throw failure('invalid_input', 'clock time far from the shift', { ...issues[0], issues });
  }
}

/** The shift a person is scheduled on a date: a shift type, null for a rest day, undefined for none. */
async function scheduledShift(ctx: HandlerContext, staffId: number, date: string) {
  const [cell] = await scheduleCells(ctx.db, [staffId], date, date);
  if (!cell) return undefined;
  return cell.shiftTypeId === null
    ? null
    : ((await shiftTypesById(ctx)).get(cell.shiftTypeId) ?? null);
}

export const attendanceCorrect: Handler<'attendance.correct'> = async (ctx, input) => {
  await mustFindStaff(ctx, input.staffId);
  await assertMonthsOpen(ctx, [input.date]);
  if (input.leaveTypeId !== null) await mustFindLeaveType(ctx, input.leaveTypeId, 'leaveTypeId');
  const shift = await scheduledShift(ctx, input.staffId, input.date);
  assertClockFits(input.date, shift ?? null, [
    ['clockIn', input.clockIn],
    ['clockOut', input.clockOut],
  ]);
  const current = await findRecord(ctx.db, input.staffId, input.date);
  // A day with no schedule at all can still be worked: it is recorded like a rest day worked.
  const [written] = await writeRecords(ctx, [
    {
      staffId: input.staffId,
      date: input.date,
      shift: shift ?? null,
      clockIn: input.clockIn,
      clockOut: input.clockOut,
      mark: input.mark,
      leaveTypeId: input.leaveTypeId,
      overtimeMinutes: input.overtimeMinutes,
      remark: input.remark,
      source: 'correction',
    },
  ]);
  await ctx.audit({
    action: 'update',
    entity: 'attendance',
    entityId: written!.after.id,
    before: current ?? { record: null },
    after: { ...written!.after, reason: input.reason },
  });
  return written!.after;
};

export const attendanceLeave: Handler<'attendance.leave'> = async (ctx, input) => {
  const person = await mustFindStaff(ctx, input.staffId);
  await mustFindLeaveType(ctx, input.leaveTypeId, 'leaveTypeId');
  const cells = (await scheduleCells(ctx.db, [input.staffId], input.from, input.to)).filter(
    (c) => c.shiftTypeId !== null,
  );
  if (cells.length === 0) {
    throw failure('invalid_input', 'no scheduled shift in the range', {
      field: 'to',
      key: 'errors.notScheduled',
      params: { name: person.name },
      issues: [{ field: 'to', key: 'errors.notScheduled', params: { name: person.name } }],
    });
  }
  await assertMonthsOpen(
    ctx,
    cells.map((c) => c.date),
    'from',
  );
  const shifts = await shiftTypesById(ctx);
  await writeRecords(
    ctx,
    cells.map((c) => ({
      staffId: input.staffId,
      date: c.date,
      shift: shifts.get(c.shiftTypeId!) ?? null,
      clockIn: null,
      clockOut: null,
      mark: 'leave',
      leaveTypeId: input.leaveTypeId,
      remark: input.reason,
      source: 'leave',
    })),
  );
  await ctx.audit({
    action: 'create',
    entity: 'leave',
    entityId: input.staffId,
    after: { ...input, shifts: cells.map((c) => c.date) },
  });
  return { shifts: cells.length };
};

/* ---------- shift swaps ---------- */

export const attendanceSwap: Handler<'attendance.swap'> = async (ctx, input) => {
  const [a, b] = [
    await mustFindStaff(ctx, input.staffAId),
    await mustFindStaff(ctx, input.staffBId),
  ];
  await assertMonthsOpen(ctx, input.dates, 'dates');
  const sorted = [...input.dates].sort();
  const cells = await scheduleCells(ctx.db, [a.id, b.id], sorted[0]!, sorted.at(-1)!);
  const cellOf = (staffId: number, date: string) =>
    cells.find((c) => c.staffId === staffId && c.date === date);
  const issues: FieldIssue[] = [];
  input.dates.forEach((date, i) => {
    if (!cellOf(a.id, date))
      issues.push({ field: `dates.${i}`, key: 'errors.notScheduled', params: { name: a.name } });
    if (!cellOf(b.id, date))
      issues.push({ field: `dates.${i}`, key: 'errors.notScheduled', params: { name: b.name } });
  });
  if (issues.length)
    throw failure('invalid_input', 'both must be scheduled', { ...issues[0], issues });

  for (const date of input.dates) {
    const valueA = cellOf(a.id, date)!.shiftTypeId;
    const valueB = cellOf(b.id, date)!.shiftTypeId;
    await setCell(ctx.db, a.id, date, valueB ?? 'rest', ctx.now);
    await setCell(ctx.db, b.id, date, valueA ?? 'rest', ctx.now);
  }
  // A record already made for the day now belongs to the swapped shift.
  await reclassifyRecords(
    ctx,
    input.dates.flatMap((date) => [a.id, b.id].map((staffId) => ({ staffId, date }))),
    'swap',
  );
  const id = await insertSwap(
    ctx.db,
    { ...input, approvedBy: ctx.session?.displayName ?? 'local' },
    ctx.now,
  );
  const [swap] = await listSwaps(ctx.db, { id });
  await ctx.audit({ action: 'create', entity: 'shift_swap', entityId: id, after: swap });
  return swap!;
};

const monthRange = (month: string) => {
  const dates = monthDates(month);
  return { from: dates[0]!, to: dates.at(-1)!, dates };
};

export const attendanceSwaps: Handler<'attendance.swaps'> = (ctx, { month }) =>
  listSwaps(ctx.db, monthRange(month));

/* ---------- the month ---------- */

const ZERO: Omit<SummaryFigures, 'leave' | 'attendanceRate'> = {
  scheduled: 0,
  worked: 0,
  lateCount: 0,
  lateMinutes: 0,
  earlyCount: 0,
  earlyMinutes: 0,
  absenceDays: 0,
  overtimeHours: 0,
  unrecorded: 0,
};

const rate = (worked: number, scheduled: number) =>
  scheduled > 0 ? Math.round((worked / scheduled) * 10000) / 10000 : null;

/** Adds people's figures into a team's: the same numbers, summed, and the rate recomputed. */
function sumFigures(rows: SummaryFigures[]): SummaryFigures {
  const total = { ...ZERO, leave: {} as Record<string, number> };
  for (const row of rows) {
    for (const key of Object.keys(ZERO) as (keyof typeof ZERO)[]) total[key] += row[key];
    for (const [type, n] of Object.entries(row.leave))
      total.leave[type] = (total.leave[type] ?? 0) + n;
  }
  total.overtimeHours = Math.round(total.overtimeHours * 100) / 100;
  return { ...total, attendanceRate: rate(total.worked, total.scheduled) };
}

export async function buildMonthSummary(
  ctx: HandlerContext,
  month: string,
  teamId?: number | null,
): Promise<MonthSummary> {
  const { from, to } = monthRange(month);
  const figures = await monthFigures(ctx.db, from, to, teamId);
  const people = figures.map(({ overtimeMinutes, ...p }) => ({
    ...p,
    overtimeHours: Math.round((overtimeMinutes / 60) * 100) / 100,
    attendanceRate: rate(p.worked, p.scheduled),
  }));
  const teamIds = [...new Set(people.map((p) => p.teamId))];
  const teams = teamIds.map((id) => {
    const members = people.filter((p) => p.teamId === id);
    return { teamId: id, teamName: members[0]?.teamName ?? null, ...sumFigures(members) };
  });
  const closed = await findClosedMonth(ctx.db, month);
  return {
    month,
    closed: !!closed,
    closedAt: closed?.closedAt ?? null,
    closedBy: closed?.closedBy ?? null,
    people,
    teams,
  };
}

export const attendanceSummary: Handler<'attendance.summary'> = (ctx, { month, teamId }) =>
  buildMonthSummary(ctx, month, teamId);

export const attendanceMonth: Handler<'attendance.month'> = async (ctx, input) => {
  const { from, to, dates } = monthRange(input.month);
  let query = ctx.db
    .selectFrom('staff')
    .select(['id', 'name', 'employee_no as employeeNo'])
    // Who belongs to the month: not gone before it began.
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', from)]));
  if (input.teamId) query = query.where('team_id', '=', input.teamId);
  if (input.staffId) query = query.where('id', '=', input.staffId);
  const people = await query.orderBy('employee_no').execute();
  const ids = people.map((p) => p.id);
  return {
    month: input.month,
    dates,
    closed: !!(await findClosedMonth(ctx.db, input.month)),
    people,
    scheduled: await scheduleCells(ctx.db, ids, from, to),
    records: await recordsBetween(ctx.db, from, to, { staffIds: ids }),
  };
};

export const attendanceProposals: Handler<'attendance.proposals'> = (ctx, { month }) =>
  listProposals(ctx.db, month);

export const attendanceCloseMonth: Handler<'attendance.closeMonth'> = async (ctx, { month }) => {
  if (await findClosedMonth(ctx.db, month)) {
    throw failure('conflict', `${month} is already closed`, {
      key: 'errors.monthAlreadyClosed',
      params: { month },
    });
  }
  const by = ctx.session?.displayName ?? 'local';
  await closeMonth(ctx.db, month, by, ctx.now);
  await ctx.audit({
    action: 'lock',
    entity: 'attendance_month',
    entityId: month,
    after: { month },
  });
  return { month, closed: true, closedAt: ctx.now, closedBy: by };
};

export const attendanceReopenMonth: Handler<'attendance.reopenMonth'> = async (ctx, input) => {
  const closed = await findClosedMonth(ctx.db, input.month);
  if (!closed) {
    throw failure('conflict', `${input.month} is not closed`, {
      key: 'errors.monthNotClosed',
      params: { month: input.month },
    });
  }
  await reopenMonth(ctx.db, input.month);
  await ctx.audit({
    action: 'unlock',
    entity: 'attendance_month',
    entityId: input.month,
    before: closed,
    after: { reason: input.reason },
  });
  return { month: input.month, closed: false, closedAt: null, closedBy: null };
};

/* ---------- exports ---------- */

export const attendanceExport: Handler<'attendance.export'> = async (ctx, input) => {
  const team = input.teamId ? await findTeam(ctx.db, input.teamId) : null;
  if (input.teamId && !team)
    throw failure('not_found', 'unknown team', { field: 'teamId', key: 'errors.unknownTeam' });
  const summary = await buildMonthSummary(ctx, input.month, input.teamId);
  const { from, to } = monthRange(input.month);
  const people = new Map(summary.people.map((p) => [p.staffId, p]));
  const details =
    input.kind === 'detail'
      ? (await recordsBetween(ctx.db, from, to, { staffIds: [...people.keys()] })).map((record) => {
          const p = people.get(record.staffId)!;
          return { record, employeeNo: p.employeeNo, name: p.name, teamName: p.teamName };
        })
      : []; // the export orders its rows itself
  const data = {
    month: input.month,
    teamName: team?.name ?? null,
    summary,
    details,
    leaveTypes: await listLeaveTypes(ctx.db),
    shiftTypes: [...(await shiftTypesById(ctx)).values()],
  };
  const content =
    input.format === 'xlsx'
      ? await attendanceXlsx(input.kind, data)
      : attendanceCsv(input.kind, data);
  await ctx.audit({
    action: 'export',
    entity: 'attendance',
    after: { ...input, people: summary.people.length, records: details.length },
  });
  return {
    fileName: attendanceFileName(input.kind, input.format, input.month, data.teamName),
    contentBase64: content.toString('base64'),
  };
};
