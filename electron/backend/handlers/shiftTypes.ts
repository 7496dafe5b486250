import { failure } from '../../../shared/contract';
import {
  findShiftType,
  insertShiftType,
  listShiftTypes,
  updateShiftType,
} from '../../../db/queries/org/shift-types';
import type { Handler, HandlerContext } from '../context';

async function mustFindShiftType(ctx: HandlerContext, id: number) {
  const shiftType = await findShiftType(ctx.db, id);
  if (!shiftType) throw failure('not_found', `shift type ${id} not found`, { field: 'id' });
  return shiftType;
}

export const shiftTypesList: Handler<'org.shiftTypes.list'> = (ctx) => listShiftTypes(ctx.db);

export const shiftTypesCreate: Handler<'org.shiftTypes.create'> = async (ctx, input) => {
  const shiftType = await mustFindShiftType(ctx, await insertShiftType(ctx.db, input, ctx.now));
  await ctx.audit({ action: 'create', entity: 'shift_type', entityId: shiftType.id, after: input });
  return shiftType;
};

export const shiftTypesUpdate: Handler<'org.shiftTypes.update'> = async (
  ctx,
  { id, ...fields },
) => {
  const before = await mustFindShiftType(ctx, id);
  await updateShiftType(ctx.db, id, fields, ctx.now);
  const after = await mustFindShiftType(ctx, id);
  await ctx.audit({ action: 'update', entity: 'shift_type', entityId: id, before, after });
  return after;
};
