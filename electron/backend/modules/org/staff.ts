import { failure } from '../../../../shared/contract';
import { findTeam } from '../../../../db/queries/org/teams';
import {
  findStaff,
  insertStaff,
  markStaffLeft,
  updateStaff,
  type StaffFields,
} from '../../../../db/queries/org/staff';
import { clearScheduleAfter, scheduledDatesAfter } from '../../../../db/queries/org/schedule';
import type { HandlerContext } from '../../core/context';
import { fieldFailure } from '../../core/errors';
import { assertMonthsOpen } from '../attendance/records';

export async function mustFindStaff(ctx: HandlerContext, id: number) {
  const staff = await findStaff(ctx.db, id);
  if (!staff) throw failure('not_found', `staff ${id} not found`, { field: 'id' });
  return staff;
}

async function checkTeam(ctx: HandlerContext, fields: StaffFields) {
  if (fields.teamId !== null && !(await findTeam(ctx.db, fields.teamId))) {
    throw fieldFailure('teamId', 'errors.unknownTeam');
  }
}

export async function createStaff(ctx: HandlerContext, input: StaffFields) {
  await checkTeam(ctx, input);
  return mustFindStaff(ctx, await insertStaff(ctx.db, input, ctx.now));
}

export async function editStaff(
  ctx: HandlerContext,
  id: number,
  input: StaffFields & { status: 'active' | 'on_leave' },
) {
  const before = await mustFindStaff(ctx, id);
  if (before.status === 'left') {
    throw failure('conflict', 'staff who left cannot be edited', { key: 'errors.staffLeft' });
  }
  await checkTeam(ctx, input);
  await updateStaff(ctx.db, id, input, ctx.now);
  return { before, after: await mustFindStaff(ctx, id) };
}

/** Marks someone as left: shifts planned after the last working day go; the history before it stays. */
export async function markLeft(
  ctx: HandlerContext,
  input: { id: number; leftOn: string; reason: string },
) {
  const before = await mustFindStaff(ctx, input.id);
  if (before.status === 'left') {
    throw failure('conflict', 'already marked as left', { key: 'errors.staffLeft' });
  }
  // Clearing shifts planned after the last day must not change a closed attendance month.
  await assertMonthsOpen(ctx, await scheduledDatesAfter(ctx.db, input.id, input.leftOn), 'leftOn');
  await markStaffLeft(ctx.db, input.id, input.leftOn, input.reason, ctx.now);
  await clearScheduleAfter(ctx.db, input.id, input.leftOn);
  return { before, after: await mustFindStaff(ctx, input.id) };
}
