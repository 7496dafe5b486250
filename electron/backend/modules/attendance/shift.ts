import {
  failure,
  type FieldIssue,
  type ShiftAttendance,
  type ShiftType,
} from '../../../../shared/contract';
import { clockFitsInstance, plannedTimes } from '../../../../shared/domain/attendance';
import { monthOf } from '../../../../shared/domain/time';
import { findClosedMonth } from '../../../../db/queries/attendance/months';
import { recordsBetween } from '../../../../db/queries/attendance/records';
import { scheduledOnInstance } from '../../../../db/queries/attendance/schedule';
import type { HandlerContext } from '../../core/context';
import { fieldFailures } from '../../core/errors';
import { shiftTypesById } from '../org/shift-types';
import { mustFindLeaveType } from './leave-types';
import { assertMonthsOpen, writeRecords, type RecordChange } from './records';

/**
 * One shift instance: who is scheduled (optionally one team) and how each is marked, with the
 * counts. The roll-call screen, and the handover's staffing section.
 */
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
  const people = scheduled.map((p) => ({
    ...p,
    sameName: Boolean(p.sameName),
    record: records.get(p.staffId) ?? null,
  }));
  const { start, end } = plannedTimes(date, shift);
  return {
    date,
    shiftTypeId,
    plannedStart: start,
    plannedEnd: end,
    closed: !!(await findClosedMonth(ctx.db, monthOf(date))),
    people,
    counts: shiftCounts(people),
  };
}

/** The staffing box: how many are scheduled, present, late, absent, on leave and not marked yet. */
export function shiftCounts(people: ShiftAttendance['people']): ShiftAttendance['counts'] {
  // 缺卡 arrived: it counts as late when its one punch came late, else as arrived.
  const statusOf = (r: NonNullable<(typeof people)[number]['record']>) =>
    r.status === 'missing_punch' ? (r.lateMinutes > 0 ? 'late' : 'present') : r.status;
  const count = (test: (status: string) => boolean) =>
    people.filter((p) => p.record && test(statusOf(p.record))).length;
  return {
    scheduled: people.length,
    present: count((s) => ['present', 'early_leave', 'business_trip'].includes(s)),
    late: count((s) => s === 'late' || s === 'late_early'),
    absent: count((s) => s === 'absent'),
    leave: count((s) => s === 'leave'),
    unrecorded: people.filter((p) => !p.record).length,
  };
}

/** Refuses clock times too far from the shift to belong to it: a wrong day typed, most likely. */
export function assertClockFits(
  date: string,
  shift: ShiftType | null,
  times: readonly (readonly [field: string, time: string | null])[],
) {
  const issues: FieldIssue[] = times
    .filter(([, time]) => time !== null && !clockFitsInstance(date, shift, time))
    .map(([field]) => ({ field, key: 'errors.clockFarFromShift', params: { date } }));
  if (issues.length) throw fieldFailures(issues, 'clock time far from the shift');
}

export interface RollCall {
  date: string;
  shiftTypeId: number;
  entries: {
    staffId: number;
    mark: 'present' | 'late' | 'absent' | 'leave';
    arrivedAt: string | null;
    leaveTypeId: number | null;
  }[];
}

/**
 * The roll-call (点名) of one shift instance: each entry marks a scheduled person on time, late
 * at a time, absent or on leave. Returns the records before and after, and the shift.
 */
export async function takeRollCall(ctx: HandlerContext, input: RollCall) {
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
  if (issues.length) throw fieldFailures(issues, 'not scheduled on this shift');

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
  return { shift, written: await writeRecords(ctx, changes) };
}
