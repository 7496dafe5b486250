import type { LeaveType } from '../../../../shared/contract';
import { findLeaveType } from '../../../../db/queries/attendance/leave-types';
import type { HandlerContext } from '../../core/context';
import { fieldFailure } from '../../core/errors';

/** An active leave type the input names, or an error on that field. */
export async function mustFindLeaveType(
  ctx: HandlerContext,
  id: number,
  field: string,
): Promise<LeaveType> {
  const type = await findLeaveType(ctx.db, id);
  if (!type?.active) throw fieldFailure(field, 'errors.unknownLeaveType');
  return type;
}
