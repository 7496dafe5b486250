import type { rewardsChannels } from '../../../../shared/contract';
import { findRecord } from '../../../../db/queries/rewards/records';
import type { HandlerContext } from '../../core/context';
import type { TeamReach, TeamRulesOf } from '../../core/teams';

/** The person a record is about: a supervisor reaches only their teams' people's records. */
async function recordsReach(ctx: HandlerContext, ids: readonly number[]): Promise<TeamReach> {
  const staff: number[] = [];
  for (const id of ids) {
    const r = await findRecord(ctx.db, id);
    if (r) staff.push(r.staffId);
  }
  // An unknown id: the handler answers not_found; a supervisor needs a team to ask at all.
  return { staff, needsTeam: true };
}

const byId = { reach: (ctx: HandlerContext, i: { id: number }) => recordsReach(ctx, [i.id]) };

/**
 * 奖惩 records are team data, reached through the person they are about: a supervisor proposes,
 * edits and reads their own teams' people's records; another team's is refused (forbidden). The
 * catalog and the expiry run are the centre's.
 */
export const rewardsTeamRules: TeamRulesOf<typeof rewardsChannels> = {
  'rewards.catalog': 'not team data',
  'rewards.catalog.saveType': 'not team data',
  'rewards.catalog.saveReason': 'not team data',
  'rewards.records.propose': { reach: (_, i) => ({ staff: [i.staffId], needsTeam: true }) },
  'rewards.records.update': byId,
  'rewards.records.list': {
    reach: (_, i) => ({ teams: [i.teamId], staff: i.staffId ? [i.staffId] : [], needsTeam: true }),
    narrow: 'in the handler',
  },
  'rewards.records.get': byId,
  'rewards.records.approve': byId,
  'rewards.records.reject': byId,
  'rewards.records.revoke': byId,
  'rewards.records.approveMany': { reach: (ctx, i) => recordsReach(ctx, i.ids) },
  'rewards.queue': {
    reach: () => ({ needsTeam: true }),
    narrow: async (ctx, q) => ({
      waiting: await ctx.teams.keepByStaff(ctx, q.waiting, (r) => [r.staffId]),
      mine: await ctx.teams.keepByStaff(ctx, q.mine, (r) => [r.staffId]),
    }),
  },
  'rewards.person': { reach: (_, i) => ({ staff: [i.staffId], needsTeam: true }) },
  'rewards.standings': {
    reach: (_, i) => ({ teams: i.teamId === null ? [] : [i.teamId], needsTeam: true }),
    narrow: 'in the handler',
  },
  'rewards.runExpiry': 'not team data',
  'rewards.settings': 'not team data',
  'rewards.updateSettings': 'not team data',
  // Only HR keeps wages, and HR sees every team.
  'rewards.wages.get': 'not team data',
  'rewards.wages.set': 'not team data',
  'rewards.whatIf': 'not team data',
  'rewards.monthReport': { reach: () => ({ needsTeam: true }), narrow: 'in the handler' },
  // Only managers, HR and admins call these: every team.
  'rewards.exportReport': 'not team data',
  'rewards.payrollPack': 'not team data',
  // Files only the caller's teams' proposals (from-attendance.ts).
  'rewards.fromAttendance': { reach: () => ({ needsTeam: true }), narrow: 'in the handler' },
};
