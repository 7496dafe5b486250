import { failure } from '../../../shared/contract';
import {
  findShiftType,
  insertShiftType,
  listShiftTypes,
  updateShiftType,
} from '../../../db/queries/shiftTypes';
import type { Handler, HandlerContext } from '../context';

async function mustFindShiftType(ctx: HandlerContext, id: number) {
  const shiftType = await findShiftType(ctx.db, id);
  if (!shiftType) throw failure('not_found', `shift type ${id} not found`, { field: 'id' });
  return shiftType;
}

export const shiftTypesList: Handler<'shiftTypes.list'> = (ctx) => listShiftTypes(ctx.db);

export const shiftTypesCreate: Handler<'shiftTypes.create'> = async (ctx, input) =>
  mustFindShiftType(ctx, await insertShiftType(ctx.db, input, ctx.now));

export const shiftTypesUpdate: Handler<'shiftTypes.update'> = async (ctx, { id, ...fields }) => {
  await mustFindShiftType(ctx, id);
  await updateShiftType(ctx.db, id, fields, ctx.now);
  return mustFindShiftType(ctx, id);
};
