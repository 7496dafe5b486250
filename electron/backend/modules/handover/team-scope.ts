import type { handoverChannels } from '../../../../shared/contract';
import { findHandover } from '../../../../db/queries/handover/handovers';
import { handoversOfItem } from '../../../../db/queries/handover/items';
import type { HandlerContext } from '../../core/context';
import type { TeamReach, TeamRulesOf } from '../../core/teams';

/**
 * One handover's team. The incoming lead it was handed to reads and answers it whatever their
 * teams: the outgoing lead chose them by name.
 */
async function handoverReach(ctx: HandlerContext, id: number): Promise<TeamReach> {
  const h = await findHandover(ctx.db, id);
  if (!h) return { needsTeam: true }; // the handler answers not_found
  if (ctx.session?.userId && h.incomingUserId === ctx.session.userId) return {};
  return { teams: [h.teamId] };
}

const byId = { reach: (ctx: HandlerContext, i: { id: number }) => handoverReach(ctx, i.id) };

/**
 * Handovers and their pending items are team data: a supervisor writes, signs and reads those of
 * their own teams (and the floor's, when the centre hands over per floor). The log, the board and
 * its export are filtered in their queries.
 */
export const handoverTeamRules: TeamRulesOf<typeof handoverChannels> = {
  'handover.settings': 'not team data',
  'handover.updateSettings': 'not team data',
  'handover.leads': 'not team data',
  'handover.start': { reach: (_, i) => ({ teams: [i.teamId ?? null], needsTeam: true }) },
  'handover.get': byId,
  'handover.save': byId,
  'handover.addItem': { reach: (ctx, i) => handoverReach(ctx, i.handoverId) },
  'handover.updateItem': {
    async reach(ctx, i) {
      if (i.handoverId) return handoverReach(ctx, i.handoverId);
      const sheets = await handoversOfItem(ctx.db, i.id);
      const reach = await Promise.all(sheets.map((h) => handoverReach(ctx, h.id)));
      return { teams: reach.flatMap((r) => r.teams ?? []), needsTeam: true };
    },
  },
  'handover.submit': byId,
  'handover.acknowledge': byId,
  'handover.dispute': byId,
  'handover.addendum': byId,
  'handover.list': { reach: () => ({ needsTeam: true }), narrow: 'in the handler' },
  'handover.openItems': { reach: () => ({ needsTeam: true }), narrow: 'in the handler' },
  'handover.exportItems': { reach: () => ({ needsTeam: true }), narrow: 'in the handler' },
};
