import { failure } from '../../../shared/contract';
import { findStaff } from '../../../db/queries/org/staff';
import { findTeam, insertTeam, listTeams, updateTeam } from '../../../db/queries/org/teams';
import type { Handler, HandlerContext } from '../context';

async function mustFindTeam(ctx: HandlerContext, id: number) {
  const team = await findTeam(ctx.db, id);
  if (!team) throw failure('not_found', `team ${id} not found`, { field: 'id' });
  return team;
}

async function checkLead(ctx: HandlerContext, leadStaffId: number | null, teamId?: number) {
  if (leadStaffId === null) return;
  const lead = await findStaff(ctx.db, leadStaffId);
  if (!lead || lead.status === 'left' || (teamId !== undefined && lead.teamId !== teamId)) {
    throw failure(
      'invalid_input',
      'the lead must be active staff (of this team, once it has members)',
      {
        field: 'leadStaffId',
        key: 'errors.leadNotInTeam',
      },
    );
  }
}

export const teamsList: Handler<'org.teams.list'> = (ctx) => listTeams(ctx.db);

export const teamsCreate: Handler<'org.teams.create'> = async (ctx, input) => {
  await checkLead(ctx, input.leadStaffId);
  const team = await mustFindTeam(ctx, await insertTeam(ctx.db, input, ctx.now));
  await ctx.audit({ action: 'create', entity: 'team', entityId: team.id, after: input });
  return team;
};

export const teamsUpdate: Handler<'org.teams.update'> = async (ctx, input) => {
  const before = await mustFindTeam(ctx, input.id);
  await checkLead(ctx, input.leadStaffId, input.id);
  await updateTeam(ctx.db, input.id, input, ctx.now);
  const after = await mustFindTeam(ctx, input.id);
  await ctx.audit({ action: 'update', entity: 'team', entityId: input.id, before, after });
  return after;
};
