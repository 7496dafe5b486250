import type { orgChannels } from '../../../../shared/contract';
import { listStaff } from '../../../../db/queries/org/staff';
import { listShiftTypes } from '../../../../db/queries/org/shift-types';
import { listTeams } from '../../../../db/queries/org/teams';
import type { HandlersOf } from '../../core/context';
import { importRoster } from './roster-import';
import { assignCells, copyWeek, scheduleOfDay, teamWeek } from './schedule';
import { createShiftType, editShiftType } from './shift-types';
import { createStaff, editStaff, markLeft } from './staff';
import { createTeam, editTeam } from './teams';

export const orgHandlers: HandlersOf<typeof orgChannels> = {
  'org.teams.list': (ctx) => listTeams(ctx.db),

  'org.teams.create': async (ctx, input) => {
    const team = await createTeam(ctx, input);
    await ctx.audit({ action: 'create', entity: 'team', entityId: team.id, after: input });
    return team;
  },

  'org.teams.update': async (ctx, { id, ...input }) => {
    const { before, after } = await editTeam(ctx, id, input);
    await ctx.audit({ action: 'update', entity: 'team', entityId: id, before, after });
    return after;
  },

  'org.staff.list': (ctx, { page, pageSize, ...filter }) =>
    listStaff(ctx.db, filter, { page, pageSize }),

  'org.staff.create': async (ctx, input) => {
    const staff = await createStaff(ctx, input);
    await ctx.audit({ action: 'create', entity: 'staff', entityId: staff.id, after: input });
    return staff;
  },

  'org.staff.update': async (ctx, { id, ...input }) => {
    const { before, after } = await editStaff(ctx, id, input);
    await ctx.audit({ action: 'update', entity: 'staff', entityId: id, before, after });
    return after;
  },

  'org.staff.markLeft': async (ctx, input) => {
    const { before, after } = await markLeft(ctx, input);
    await ctx.audit({ action: 'mark_left', entity: 'staff', entityId: input.id, before, after });
    return after;
  },

  'org.staff.import': async (ctx, input) => {
    const report = await importRoster(ctx, input);
    await ctx.audit({
      action: 'import',
      entity: 'staff',
      after: { fileName: input.fileName, ...report },
    });
    return report;
  },

  'org.shiftTypes.list': (ctx) => listShiftTypes(ctx.db),

  'org.shiftTypes.create': async (ctx, input) => {
    const shiftType = await createShiftType(ctx, input);
    await ctx.audit({
      action: 'create',
      entity: 'shift_type',
      entityId: shiftType.id,
      after: input,
    });
    return shiftType;
  },

  'org.shiftTypes.update': async (ctx, { id, ...input }) => {
    const { before, after } = await editShiftType(ctx, id, input);
    await ctx.audit({ action: 'update', entity: 'shift_type', entityId: id, before, after });
    return after;
  },

  'org.schedule.week': (ctx, { teamId, weekStart }) => teamWeek(ctx, teamId, weekStart),

  'org.schedule.day': (ctx, { date }) => scheduleOfDay(ctx, date),

  'org.schedule.assign': async (ctx, { cells }) => {
    const changes = await assignCells(ctx, cells);
    if (changes.length > 0) {
      await ctx.audit({
        action: 'update',
        entity: 'schedule',
        before: {
          cells: changes.map(({ staffId, date, before }) => ({ staffId, date, value: before })),
        },
        after: { cells: changes.map(({ staffId, date, value }) => ({ staffId, date, value })) },
      });
    }
    return { changed: changes.length };
  },

  'org.schedule.copyWeek': async (ctx, input) => {
    const copied = await copyWeek(ctx, input);
    await ctx.audit({
      action: 'copy',
      entity: 'schedule',
      entityId: input.teamId,
      after: { ...input, copied },
    });
    return { copied };
  },
};
