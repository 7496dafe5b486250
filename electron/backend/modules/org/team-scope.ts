import type { orgChannels } from '../../../../shared/contract';
import type { TeamRulesOf } from '../../core/teams';

/**
 * The schedule is team data: a supervisor reads and plans their own teams' weeks. Teams, the
 * roster and shift types are the centre's: everyone reads them, HR and admins keep them.
 */
export const orgTeamRules: TeamRulesOf<typeof orgChannels> = {
  'org.teams.list': 'not team data',
  'org.teams.create': 'not team data',
  'org.teams.update': 'not team data',
  'org.staff.list': 'not team data',
  'org.staff.create': 'not team data',
  'org.staff.update': 'not team data',
  'org.staff.markLeft': 'not team data',
  'org.staff.previewImport': 'not team data',
  'org.staff.import': 'not team data',
  'org.staff.template': 'not team data',
  'org.staff.export': 'not team data',
  'org.shiftTypes.list': 'not team data',
  'org.shiftTypes.create': 'not team data',
  'org.shiftTypes.update': 'not team data',
  'org.schedule.week': { reach: (_, i) => ({ teams: [i.teamId] }) },
  'org.schedule.day': {
    reach: () => ({ needsTeam: true }),
    async narrow(ctx, day) {
      const shifts = await Promise.all(
        day.shifts.map(async (s) => ({
          ...s,
          staff: await ctx.teams.keepByStaff(ctx, s.staff, (p) => [p.id]),
        })),
      );
      return { ...day, shifts: shifts.filter((s) => s.staff.length > 0) };
    },
  },
  'org.schedule.assign': { reach: (_, i) => ({ staff: i.cells.map((c) => c.staffId) }) },
  'org.schedule.copyWeek': { reach: (_, i) => ({ teams: [i.teamId] }) },
};
