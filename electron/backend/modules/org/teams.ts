import { failure, type Team } from '../../../../shared/contract';
import { findStaff } from '../../../../db/queries/org/staff';
import { findTeam, insertTeam, updateTeam } from '../../../../db/queries/org/teams';
import type { HandlerContext } from '../../core/context';
import { fieldFailure } from '../../core/errors';

/** How a channel that takes a `teamId` refuses one that is not there. */
export const UNKNOWN_TEAM = { field: 'teamId', key: 'errors.unknownTeam' };

/** The team an input names; `as` says which field names it and which key the refusal has. */
export async function mustFindTeam(
  ctx: HandlerContext,
  id: number,
  as: { field: string; key?: string } = { field: 'id' },
) {
  const team = await findTeam(ctx.db, id);
  if (!team) throw failure('not_found', `team ${id} not found`, as);
  return team;
}

async function checkLead(ctx: HandlerContext, leadStaffId: number | null, teamId?: number) {
  if (leadStaffId === null) return;
  const lead = await findStaff(ctx.db, leadStaffId);
  if (!lead || lead.status === 'left' || (teamId !== undefined && lead.teamId !== teamId)) {
    // The lead must be active staff (of this team, once it has members).
    throw fieldFailure('leadStaffId', 'errors.leadNotInTeam');
  }
}

type TeamFields = Pick<Team, 'name' | 'description' | 'leadStaffId'>;

export async function createTeam(ctx: HandlerContext, input: TeamFields) {
  await checkLead(ctx, input.leadStaffId);
  return mustFindTeam(ctx, await insertTeam(ctx.db, input, ctx.now));
}

export async function editTeam(ctx: HandlerContext, id: number, input: TeamFields) {
  const before = await mustFindTeam(ctx, id);
  await checkLead(ctx, input.leadStaffId, id);
  await updateTeam(ctx.db, id, input, ctx.now);
  return { before, after: await mustFindTeam(ctx, id) };
}
