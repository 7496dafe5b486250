import { failure, type ShiftType } from '../../../../shared/contract';
import {
  findShiftType,
  insertShiftType,
  listShiftTypes,
  updateShiftType,
  type ShiftTypeFields,
} from '../../../../db/queries/org/shift-types';
import type { HandlerContext } from '../../core/context';

export async function mustFindShiftType(ctx: HandlerContext, id: number) {
  const shiftType = await findShiftType(ctx.db, id);
  if (!shiftType) throw failure('not_found', `shift type ${id} not found`, { field: 'id' });
  return shiftType;
}

/** Shift types by id, read once per action. */
export async function shiftTypesById(
  ctx: Pick<HandlerContext, 'db'>,
): Promise<Map<number, ShiftType>> {
  return new Map((await listShiftTypes(ctx.db)).map((s) => [s.id, s]));
}

export async function createShiftType(ctx: HandlerContext, input: ShiftTypeFields) {
  return mustFindShiftType(ctx, await insertShiftType(ctx.db, input, ctx.now));
}

export async function editShiftType(ctx: HandlerContext, id: number, input: ShiftTypeFields) {
  const before = await mustFindShiftType(ctx, id);
  await updateShiftType(ctx.db, id, input, ctx.now);
  return { before, after: await mustFindShiftType(ctx, id) };
}
