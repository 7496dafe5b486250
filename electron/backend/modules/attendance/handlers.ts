import { failure, type attendanceChannels } from '../../../../shared/contract';
import {
  findLeaveType,
  insertLeaveType,
  listLeaveTypes,
  updateLeaveType,
} from '../../../../db/queries/attendance/leave-types';
import { listProposals } from '../../../../db/queries/attendance/proposals';
import { listSwaps } from '../../../../db/queries/attendance/swaps';
import { auditBulk, auditCreate } from '../../core/audit';
import { preparedHandler, type HandlersOf } from '../../core/context';
import { applyClockImport, previewClockImport, readClockFile } from './clock-import';
import { correctRecord, recordLeave } from './corrections';
import {
  backupBeforeClose,
  buildMonthSummary,
  closeAttendanceMonth,
  exportMonth,
  monthGrid,
  monthRange,
  reopenAttendanceMonth,
} from './month';
import { readRules, saveRules, RULES_SETTING } from './records';
import { shiftAttendance, takeRollCall } from './shift';
import { swapShifts } from './swaps';

export const attendanceHandlers: HandlersOf<typeof attendanceChannels> = {
  'attendance.leaveTypes.list': (ctx) => listLeaveTypes(ctx.db),

  'attendance.leaveTypes.create': async (ctx, input) =>
    auditCreate(
      ctx,
      'leave_type',
      { id: await insertLeaveType(ctx.db, input, ctx.now), ...input },
      input,
    ),

  'attendance.leaveTypes.update': async (ctx, input) => {
    const before = await findLeaveType(ctx.db, input.id);
    if (!before) throw failure('not_found', `leave type ${input.id} not found`, { field: 'id' });
    await updateLeaveType(ctx.db, input, ctx.now);
    await ctx.audit({
      action: 'update',
      entity: 'leave_type',
      entityId: input.id,
      before,
      after: input,
    });
    return input;
  },

  'attendance.rules': (ctx) => readRules(ctx),

  'attendance.updateRules': async (ctx, rules) => {
    const before = await readRules(ctx);
    await saveRules(ctx, rules);
    await ctx.audit({
      action: 'update',
      entity: 'settings',
      entityId: RULES_SETTING,
      before,
      after: rules,
    });
    return rules;
  },

  'attendance.shift': (ctx, input) =>
    shiftAttendance(ctx, input.date, input.shiftTypeId, input.teamId),

  'attendance.rollCall': async (ctx, input) => {
    const { shift, written } = await takeRollCall(ctx, input);
    await ctx.audit({
      action: 'update',
      entity: 'attendance',
      entityId: `${input.date}/${shift.code}`,
      before: {
        records: written.map((w) => w.before ?? { staffId: w.after.staffId, record: null }),
      },
      after: { records: written.map((w) => w.after) },
    });
    return shiftAttendance(ctx, input.date, input.shiftTypeId, input.teamId);
  },

  'attendance.correct': async (ctx, input) => {
    const { before, after } = await correctRecord(ctx, input);
    await ctx.audit({
      action: 'update',
      entity: 'attendance',
      entityId: after.id,
      before: before ?? { record: null },
      after: { ...after, reason: input.reason },
    });
    return after;
  },

  'attendance.leave': async (ctx, input) => {
    const shifts = await recordLeave(ctx, input);
    await ctx.audit({
      action: 'create',
      entity: 'leave',
      entityId: input.staffId,
      after: { ...input, shifts },
    });
    return { shifts: shifts.length };
  },

  'attendance.swap': async (ctx, input) => {
    const swap = await swapShifts(ctx, input);
    return auditCreate(ctx, 'shift_swap', swap, swap);
  },

  'attendance.swaps': (ctx, { month }) => listSwaps(ctx.db, monthRange(month)),

  // Both read the file in a worker before their transaction: a big one delays only its sender.
  'attendance.previewImport': preparedHandler({
    prepare: (_ctx, input) => readClockFile(input),
    run: (ctx, input, table) => previewClockImport(ctx, input, table),
  }),

  'attendance.applyImport': preparedHandler({
    prepare: (_ctx, input) => readClockFile(input),
    run: async (ctx, input, table) => {
      const { rows, changes, ...report } = await applyClockImport(ctx, input, table);
      // One entry for the file, opening to each record it wrote.
      await auditBulk(
        ctx,
        {
          action: 'import',
          entity: 'attendance',
          summary: { fileName: input.fileName, rows, ...report },
        },
        changes.map((c) => ({
          entity: 'attendance',
          entityId: `${c.staffId}/${c.date}`,
          after: {
            staffId: c.staffId,
            date: c.date,
            shiftTypeId: c.shift?.id ?? null,
            clockIn: c.clockIn,
            clockOut: c.clockOut,
            status: c.status,
          },
        })),
      );
      return report;
    },
  }),

  'attendance.summary': (ctx, { month, teamId }) => buildMonthSummary(ctx, month, teamId),

  'attendance.month': (ctx, input) => monthGrid(ctx, input),

  'attendance.proposals': (ctx, { month }) => listProposals(ctx.db, month),

  'attendance.closeMonth': preparedHandler({
    prepare: (ctx, { month }) => backupBeforeClose(ctx, month),
    async run(ctx, { month }, backup) {
      const by = await closeAttendanceMonth(ctx, month);
      await ctx.audit({
        action: 'lock',
        entity: 'attendance_month',
        entityId: month,
        after: { month, backup },
      });
      return { month, closed: true, closedAt: ctx.now, closedBy: by, backup };
    },
  }),

  'attendance.reopenMonth': async (ctx, input) => {
    const closed = await reopenAttendanceMonth(ctx, input.month);
    await ctx.audit({
      action: 'unlock',
      entity: 'attendance_month',
      entityId: input.month,
      before: closed,
      after: { reason: input.reason },
    });
    return { month: input.month, closed: false, closedAt: null, closedBy: null };
  },

  'attendance.export': async (ctx, input) => {
    const { file, people, records } = await exportMonth(ctx, input);
    await ctx.audit({
      action: 'export',
      entity: 'attendance',
      after: { ...input, people, records },
    });
    return file;
  },
};
