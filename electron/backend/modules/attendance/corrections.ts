import type { ParsedInput } from '../../../../shared/contract';
import { findRecord } from '../../../../db/queries/attendance/records';
import { scheduleCells } from '../../../../db/queries/attendance/schedule';
import type { HandlerContext } from '../../core/context';
import { fieldFailure } from '../../core/errors';
import { shiftTypesById } from '../org/shift-types';
import { mustFindStaff } from '../org/staff';
import { mustFindLeaveType } from './leave-types';
import { assertMonthsOpen, writeRecords } from './records';
import { assertClockFits } from './shift';

/** The shift a person is scheduled on a date: a shift type, null for a rest day, undefined for none. */
async function scheduledShift(ctx: HandlerContext, staffId: number, date: string) {
  const [cell] = await scheduleCells(ctx.db, [staffId], date, date);
  if (!cell) return undefined;
  return cell.shiftTypeId === null
    ? null
    : ((await shiftTypesById(ctx)).get(cell.shiftTypeId) ?? null);
}

/** A correction (补录, 更正) of one record, by hand: returns the record before and after. */
export async function correctRecord(ctx: HandlerContext, input: ParsedInput<'attendance.correct'>) {
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
  return { before: current, after: written!.after };
}

/** Leave over a date range: every scheduled shift in it is marked on leave of the type. Returns the dates. */
export async function recordLeave(ctx: HandlerContext, input: ParsedInput<'attendance.leave'>) {
  const person = await mustFindStaff(ctx, input.staffId);
  await mustFindLeaveType(ctx, input.leaveTypeId, 'leaveTypeId');
  const cells = (await scheduleCells(ctx.db, [input.staffId], input.from, input.to)).filter(
    (c) => c.shiftTypeId !== null,
  );
  if (cells.length === 0) throw fieldFailure('to', 'errors.notScheduled', { name: person.name });
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
  return cells.map((c) => c.date);
}
