import type { attendanceChannels, ShiftAttendance } from '../../../../shared/contract';
import type { HandlerContext } from '../../core/context';
import type { TeamRulesOf } from '../../core/teams';
import { shiftCounts } from './shift';

/** A shift's people cut to the caller's teams, counted again. */
async function ownShift(ctx: HandlerContext, shift: ShiftAttendance): Promise<ShiftAttendance> {
  const people = await ctx.teams.keepByStaff(ctx, shift.people, (p) => [p.staffId]);
  return { ...shift, people, counts: shiftCounts(people) };
}

/**
 * Attendance is team data: a supervisor takes the roll, corrects, records leave and swaps, and
 * reads the month, of their own teams only. Leave types, rules and the month close are the
 * centre's, the same for everyone who may call them.
 */
export const attendanceTeamRules: TeamRulesOf<typeof attendanceChannels> = {
  'attendance.leaveTypes.list': 'not team data',
  'attendance.leaveTypes.create': 'not team data',
  'attendance.leaveTypes.update': 'not team data',
  'attendance.rules': 'not team data',
  'attendance.updateRules': 'not team data',
  'attendance.shift': {
    reach: (_, i) => ({ teams: [i.teamId], needsTeam: true }),
    narrow: ownShift,
  },
  'attendance.rollCall': {
    reach: (_, i) => ({ teams: [i.teamId], staff: i.entries.map((e) => e.staffId) }),
    narrow: ownShift,
  },
  'attendance.correct': { reach: (_, i) => ({ staff: [i.staffId] }) },
  'attendance.leave': { reach: (_, i) => ({ staff: [i.staffId] }) },
  'attendance.swap': { reach: (_, i) => ({ staff: [i.staffAId, i.staffBId] }) },
  'attendance.swaps': {
    reach: () => ({ needsTeam: true }),
    narrow: (ctx, swaps) => ctx.teams.keepByStaff(ctx, swaps, (s) => [s.staffAId, s.staffBId]),
  },
  // The file names its people: the import refuses rows of other teams' people (clock-import.ts).
  'attendance.previewImport': { reach: () => ({ needsTeam: true }), narrow: 'in the handler' },
  'attendance.applyImport': { reach: () => ({ needsTeam: true }), narrow: 'in the handler' },
  'attendance.summary': {
    reach: (_, i) => ({ teams: [i.teamId], needsTeam: true }),
    narrow: (ctx, summary) => ({
      ...summary,
      people: ctx.teams.keep(summary.people, (p) => p.teamId),
      teams: ctx.teams.keep(summary.teams, (t) => t.teamId),
    }),
  },
  'attendance.month': {
    reach: (_, i) => ({ teams: [i.teamId], staff: i.staffId ? [i.staffId] : [], needsTeam: true }),
    async narrow(ctx, grid) {
      const people = await ctx.teams.keepByStaff(ctx, grid.people, (p) => [p.id]);
      const ids = new Set(people.map((p) => p.id));
      return {
        ...grid,
        people,
        scheduled: grid.scheduled.filter((c) => ids.has(c.staffId)),
        records: grid.records.filter((r) => ids.has(r.staffId)),
      };
    },
  },
  'attendance.proposals': {
    reach: () => ({ needsTeam: true }),
    narrow: (ctx, proposals) => ctx.teams.keepByStaff(ctx, proposals, (p) => [p.staffId]),
  },
  // HR closes the whole centre's month; supervisors may not call these at all.
  'attendance.closeMonth': 'not team data',
  'attendance.reopenMonth': 'not team data',
  'attendance.export': { reach: (_, i) => ({ teams: [i.teamId], needsTeam: true }) },
};
