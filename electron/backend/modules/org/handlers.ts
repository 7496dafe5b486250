import type { orgChannels } from '../../../../shared/contract';
import { allStaff, listStaff } from '../../../../db/queries/org/staff';
import { listShiftTypes } from '../../../../db/queries/org/shift-types';
import { listTeams } from '../../../../db/queries/org/teams';
import { auditBulk, auditCreate, auditUpdate } from '../../core/audit';
import { preparedHandler, type HandlersOf } from '../../core/context';
import { readImportFile } from '../../files/import-file';
import { rosterExport, rosterTemplate } from './roster-export';
import { importRoster, previewRoster, ROSTER_LIMITS } from './roster-import';
import { assignCells, copyWeek, scheduleOfDay, teamWeek } from './schedule';
import { createShiftType, editShiftType } from './shift-types';
import { createStaff, editStaff, markLeft } from './staff';
import { createTeam, editTeam } from './teams';

/** The file is read in a worker before the transaction: a big one delays only its sender. */
const readRosterFile = (_ctx: unknown, input: { fileName: string; contentBase64: string }) =>
  readImportFile(input.fileName, input.contentBase64, { limits: ROSTER_LIMITS });

export const orgHandlers: HandlersOf<typeof orgChannels> = {
  'org.teams.list': (ctx) => listTeams(ctx.db),

  'org.teams.create': async (ctx, input) =>
    auditCreate(ctx, 'team', await createTeam(ctx, input), input),

  'org.teams.update': async (ctx, { id, ...input }) =>
    auditUpdate(ctx, 'team', id, await editTeam(ctx, id, input)),

  'org.staff.list': (ctx, { page, pageSize, ...filter }) =>
    listStaff(ctx.db, filter, { page, pageSize }),

  'org.staff.create': async (ctx, input) =>
    auditCreate(ctx, 'staff', await createStaff(ctx, input), input),

  'org.staff.update': async (ctx, { id, ...input }) =>
    auditUpdate(ctx, 'staff', id, await editStaff(ctx, id, input)),

  'org.staff.markLeft': async (ctx, input) =>
    auditUpdate(ctx, 'staff', input.id, await markLeft(ctx, input), 'mark_left'),

  'org.staff.previewImport': preparedHandler({
    prepare: readRosterFile,
    run: (ctx, _input, table) => previewRoster(ctx, table),
  }),

  'org.staff.import': preparedHandler({
    prepare: readRosterFile,
    run: async (ctx, input, table) => {
      const { audited, ...report } = await importRoster(ctx, table);
      // One entry for the file, opening to each person it added or changed.
      await auditBulk(
        ctx,
        { action: 'import', entity: 'staff', summary: { fileName: input.fileName, ...report } },
        audited,
      );
      return report;
    },
  }),

  'org.staff.template': async (ctx, { language }) =>
    rosterTemplate(language, (await listTeams(ctx.db))[0]?.name ?? null),

  'org.staff.export': async (ctx, { language, format, ...filter }) =>
    rosterExport(await allStaff(ctx.db, filter), language, format, ctx.now),

  'org.shiftTypes.list': (ctx) => listShiftTypes(ctx.db),

  'org.shiftTypes.create': async (ctx, input) =>
    auditCreate(ctx, 'shift_type', await createShiftType(ctx, input), input),

  'org.shiftTypes.update': async (ctx, { id, ...input }) =>
    auditUpdate(ctx, 'shift_type', id, await editShiftType(ctx, id, input)),

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
