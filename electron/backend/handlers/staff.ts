import { failure } from '../../../shared/contract';
import { findTeam } from '../../../db/queries/org/teams';
import {
  findStaff,
  insertStaff,
  listStaff,
  markStaffLeft,
  updateStaff,
  type StaffFields,
} from '../../../db/queries/org/staff';
import { clearScheduleAfter } from '../../../db/queries/org/schedule';
import type { Handler, HandlerContext } from '../context';
import { assertMonthsOpen } from '../attendance/records';

export async function mustFindStaff(ctx: HandlerContext, id: number) {
  const staff = await findStaff(ctx.db, id);
  if (!staff) throw failure('not_found', `staff ${id} not found`, { field: 'id' });
  return staff;
}

async function checkTeam(ctx: HandlerContext, fields: StaffFields) {
  if (fields.teamId !== null && !(await findTeam(ctx.db, fields.teamId))) {
    throw failure('invalid_input', 'unknown team', { field: 'teamId', key: 'errors.unknownTeam' });
  }
}

export const staffList: Handler<'org.staff.list'> = (ctx, { page, pageSize, ...filter }) =>
  listStaff(ctx.db, filter, { page, pageSize });

export const staffCreate: Handler<'org.staff.create'> = async (ctx, input) => {
  await checkTeam(ctx, input);
  const staff = await mustFindStaff(ctx, await insertStaff(ctx.db, input, ctx.now));
  await ctx.audit({ action: 'create', entity: 'staff', entityId: staff.id, after: input });
  return staff;
};

export const staffUpdate: Handler<'org.staff.update'> = async (ctx, input) => {
  const current = await mustFindStaff(ctx, input.id);
  if (current.status === 'left') {
    throw failure('conflict', 'staff who left cannot be edited', { key: 'errors.staffLeft' });
  }
  await checkTeam(ctx, input);
  await updateStaff(ctx.db, input.id, input, ctx.now);
  const after = await mustFindStaff(ctx, input.id);
  await ctx.audit({
    action: 'update',
    entity: 'staff',
    entityId: input.id,
    before: current,
    after,
  });
  return after;
};

export const staffMarkLeft: Handler<'org.staff.markLeft'> = async (ctx, input) => {
  const current = await mustFindStaff(ctx, input.id);
  if (current.status === 'left') {
    throw failure('conflict', 'already marked as left', { key: 'errors.staffLeft' });
  }
  // Clearing shifts planned after the last day must not change a closed attendance month.
  const later = await ctx.db
    .selectFrom('schedule_entries')
    .select('work_date')
    .where('staff_id', '=', input.id)
    .where('work_date', '>', input.leftOn)
    .execute();
  await assertMonthsOpen(
    ctx,
    later.map((e) => e.work_date),
    'leftOn',
  );
  await markStaffLeft(ctx.db, input.id, input.leftOn, input.reason, ctx.now);
  // Shifts planned after the last working day no longer apply; the history before it stays.
  await clearScheduleAfter(ctx.db, input.id, input.leftOn);
  const after = await mustFindStaff(ctx, input.id);
  await ctx.audit({
    action: 'mark_left',
    entity: 'staff',
    entityId: input.id,
    before: current,
    after,
  });
  return after;
};
