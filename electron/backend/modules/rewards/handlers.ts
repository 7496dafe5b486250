import type { rewardsChannels } from '../../../../shared/contract';
import { findStaff } from '../../../../db/queries/org/staff';
import { listRecords } from '../../../../db/queries/rewards/records';
import { baseWage, setBaseWage } from '../../../../db/queries/rewards/wages';
import type { HandlersOf } from '../../core/context';
import { fieldFailure } from '../../core/errors';
import { readCatalog, saveReason, saveType } from './catalog';
import { readSettings, saveSettings } from './compliance';
import { approve, approveMany, reject, revoke } from './decisions';
import { runExpiry } from './expiry';
import { fileAttendanceProposals } from './from-attendance';
import { detail, edit, propose, today, userName } from './records';
import { monthReport, payrollPackFile, reportFile } from './report';
import { personStanding, queue, standings } from './standing';
import { whatIf } from './what-if';

/** A catalog entry saved: audited as created or updated, and returned as it now is. */
async function auditSaved<T extends { id: number }>(
  ctx: Parameters<typeof readCatalog>[0],
  entity: 'reward_type' | 'reward_reason',
  { before, after }: { before: T | null | undefined; after: T },
): Promise<T> {
  await ctx.audit({
    action: before ? 'update' : 'create',
    entity,
    entityId: after.id,
    before,
    after,
  });
  return after;
}

export const rewardsHandlers: HandlersOf<typeof rewardsChannels> = {
  'rewards.catalog': (ctx) => readCatalog(ctx),

  'rewards.catalog.saveType': async (ctx, input) =>
    auditSaved(ctx, 'reward_type', await saveType(ctx, input)),

  'rewards.catalog.saveReason': async (ctx, input) =>
    auditSaved(ctx, 'reward_reason', await saveReason(ctx, input)),

  'rewards.records.propose': async (ctx, input) => {
    const { id, after } = await propose(ctx, input);
    await ctx.audit({ action: 'create', entity: 'reward_record', entityId: id, after });
    return detail(ctx, id);
  },

  'rewards.records.update': async (ctx, input) => {
    const { before, after } = await edit(ctx, input);
    await ctx.audit({
      action: 'update',
      entity: 'reward_record',
      entityId: input.id,
      before,
      after,
    });
    return detail(ctx, input.id);
  },

  'rewards.records.list': (ctx, { page, pageSize, ...filter }) =>
    listRecords(ctx.db, { ...filter, teamIds: ctx.teams.filter }, { page, pageSize }),

  'rewards.records.get': (ctx, { id }) => detail(ctx, id),

  // The decisions audit themselves (decisions.ts): one entry per record they change.
  'rewards.records.approve': async (ctx, { id, ...approval }) => {
    await approve(ctx, id, approval);
    return detail(ctx, id);
  },
  'rewards.records.reject': async (ctx, { id, reason }) => {
    await reject(ctx, id, reason);
    return detail(ctx, id);
  },
  'rewards.records.revoke': async (ctx, { id, reason }) => {
    await revoke(ctx, id, reason);
    return detail(ctx, id);
  },
  'rewards.records.approveMany': (ctx, { ids }) => approveMany(ctx, ids),

  'rewards.queue': (ctx) => queue(ctx),

  'rewards.person': (ctx, { staffId, asOf, reasonId }) =>
    personStanding(ctx, staffId, asOf, reasonId),

  'rewards.standings': (ctx, { asOf, teamId }) => standings(ctx, asOf, teamId),

  'rewards.runExpiry': async (ctx) => ({ written: await runExpiry(ctx, today(ctx)) }),

  // Audited per record it files (from-attendance.ts).
  'rewards.settings': (ctx) => readSettings(ctx),

  'rewards.updateSettings': async (ctx, input) => {
    const { before, after } = await saveSettings(ctx, input);
    await ctx.audit({ action: 'update', entity: 'settings', before, after });
    return after;
  },

  'rewards.wages.get': async (ctx, { staffId }) => ({
    staffId,
    baseWageFen: await baseWage(ctx.db, staffId),
  }),

  // The audit says who changed whose wage, not the amount: the trail is read beyond HR.
  'rewards.wages.set': async (ctx, { staffId, baseWage: fen }) => {
    if (!(await findStaff(ctx.db, staffId))) throw fieldFailure('staffId', 'errors.not_found');
    await setBaseWage(ctx.db, staffId, fen, userName(ctx), ctx.now);
    await ctx.audit({
      action: 'update',
      entity: 'staff',
      entityId: staffId,
      after: { baseWage: fen === null ? 'cleared' : 'set' },
    });
    return { staffId, baseWageFen: fen };
  },

  'rewards.whatIf': (ctx, input) => whatIf(ctx, input),

  'rewards.monthReport': (ctx, { month }) => monthReport(ctx, month),

  'rewards.exportReport': async (ctx, input) => {
    const { file, people } = await reportFile(ctx, input);
    await ctx.audit({ action: 'export', entity: 'reward_record', after: { ...input, people } });
    return file;
  },

  'rewards.payrollPack': async (ctx, input) => {
    const { file, people } = await payrollPackFile(ctx, input);
    await ctx.audit({ action: 'export', entity: 'reward_record', after: { ...input, people } });
    return file;
  },

  'rewards.fromAttendance': (ctx, { month }) => fileAttendanceProposals(ctx, month),
};
