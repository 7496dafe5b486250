import { auditBulk, type BulkRow } from '../../core/audit';
import { ApiFailure, failure, type RewardRecord } from '../../../../shared/contract';
import {
  dueExpiries,
  expiryDate,
  grantEvent,
  isReduction,
  revokeEvent,
} from '../../../../shared/domain/rewards';
import {
  appendLedger,
  insertDecision,
  ledgerEvents,
  updateRecord,
} from '../../../../db/queries/rewards/records';
import type { HandlerContext } from '../../core/context';
import { fieldFailure } from '../../core/errors';
import { approvalWarnings } from './compliance';
import { mustAllow, mustFindRecord, refuseClosedMonth, today, userName } from './records';

/** What the audit keeps of a decision: the state and the figures it may change. */
const decided = (r: RewardRecord) => ({
  state: r.state,
  points: r.points,
  amountFen: r.amountFen,
  approvals: r.approvals,
});

async function auditDecision(
  ctx: HandlerContext,
  action: 'approve' | 'reject' | 'revoke',
  before: RewardRecord,
  extra: Record<string, unknown> = {},
) {
  const after = await mustFindRecord(ctx, before.id);
  await ctx.audit({
    action,
    entity: 'reward_record',
    entityId: before.id,
    before: decided(before),
    after: { ...decided(after), ...extra },
  });
  return after;
}

/** The caller's decision on a record, kept beside it (one per person: a red line's two are two). */
function decision(
  ctx: HandlerContext,
  recordId: number,
  kind: 'approve' | 'reject',
  reason: string | null,
  reduced: { points: number | null; amount: number | null } = { points: null, amount: null },
) {
  return insertDecision(ctx.db, {
    recordId,
    userId: ctx.session?.userId ?? null,
    approver: userName(ctx),
    role: ctx.session?.role ?? 'admin',
    decision: kind,
    reason,
    points: reduced.points,
    amountFen: reduced.amount,
    at: ctx.now,
  });
}

export interface Approval {
  points: number | null;
  amount: number | null;
  reason: string | null;
}

/**
 * One approval: the first of a red line's two leaves it proposed; the last approves it, sets the
 * day it expires and grants its points in the ledger. A reduction lowers the record's figures.
 */
export async function approve(ctx: HandlerContext, id: number, a: Approval, field = 'id') {
  const record = await mustFindRecord(ctx, id, field);
  const { next } = await mustAllow(ctx, record, 'approve');
  await refuseClosedMonth(ctx, record.eventDate, field);
  if (a.points !== null && !isReduction(record.points, a.points))
    throw fieldFailure('points', 'errors.rewards.notReduction');
  if (a.amount !== null && a.amount > record.amountFen)
    throw fieldFailure('amount', 'errors.rewards.notReduction');
  const points = a.points ?? record.points;
  const amountFen = a.amount ?? record.amountFen;
  // Warnings do not stop an approval; the audit keeps that the approver went ahead despite them.
  const warnings = await approvalWarnings(ctx, record, amountFen);
  await decision(ctx, id, 'approve', a.reason, a);
  if (next === 'approved') {
    const row = await ctx.db
      .selectFrom('rewards_records')
      .select('validity_months')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await updateRecord(ctx.db, id, {
      state: 'approved',
      points,
      amount_fen: amountFen,
      expires_on: expiryDate(record.eventDate, row.validity_months),
      decided_at: ctx.now,
      decided_by: userName(ctx),
      updated_at: ctx.now,
    });
    await appendLedger(ctx.db, record.staffId, grantEvent(id, record.eventDate, points), ctx.now);
  } else {
    await updateRecord(ctx.db, id, { points, amount_fen: amountFen, updated_at: ctx.now });
  }
  return auditDecision(ctx, 'approve', record, {
    ...(a.reason && { reductionReason: a.reason }),
    ...(warnings.length && { warnings }),
  });
}

export async function reject(ctx: HandlerContext, id: number, reason: string) {
  const record = await mustFindRecord(ctx, id);
  await mustAllow(ctx, record, 'reject', reason);
  await refuseClosedMonth(ctx, record.eventDate, 'id');
  await decision(ctx, id, 'reject', reason);
  await updateRecord(ctx.db, id, {
    state: 'rejected',
    decision_reason: reason,
    decided_at: ctx.now,
    decided_by: userName(ctx),
    updated_at: ctx.now,
  });
  return auditDecision(ctx, 'reject', record, { reason });
}

/**
 * Revokes an approved record: what its points still count for is taken back by a revoke event
 * dated today, after any expiry already due is written (so the ledger tells the days right).
 */
export async function revoke(ctx: HandlerContext, id: number, reason: string) {
  const record = await mustFindRecord(ctx, id);
  await mustAllow(ctx, record, 'revoke', reason);
  await refuseClosedMonth(ctx, record.eventDate, 'id');
  const day = today(ctx);
  const events = await ledgerEvents(ctx.db, { recordIds: [id] });
  const expired = record.expiresOn
    ? dueExpiries([{ recordId: id, expiresOn: record.expiresOn }], events, day)
    : [];
  await appendLedger(ctx.db, record.staffId, expired, ctx.now);
  await updateRecord(ctx.db, id, {
    state: 'revoked',
    revoked_at: ctx.now,
    revoked_by: userName(ctx),
    revoke_reason: reason,
    updated_at: ctx.now,
  });
  await appendLedger(
    ctx.db,
    record.staffId,
    revokeEvent(id, [...events, ...expired], day),
    ctx.now,
  );
  return auditDecision(ctx, 'revoke', record, { reason });
}

/** Approves several as one action, all or none: a refusal names the place in the list (`ids.2`). */
export async function approveMany(ctx: HandlerContext, ids: readonly number[]) {
  let approved = 0;
  let awaitingSecond = 0;
  // Each approval's entry becomes a row of the one entry the batch writes.
  const rows: BulkRow[] = [];
  const collecting: HandlerContext = {
    ...ctx,
    audit: async (r) => {
      rows.push({
        entity: r.entity,
        entityId: r.entityId ?? null,
        before: r.before,
        after: r.after ?? {},
      });
    },
  };
  for (const [i, id] of ids.entries()) {
    try {
      const after = await approve(
        collecting,
        id,
        { points: null, amount: null, reason: null },
        `ids.${i}`,
      );
      if (after.state === 'approved') approved++;
      else awaitingSecond++;
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      const issue = {
        field: `ids.${i}`,
        key: error.error.key,
        ...(error.error.params && { params: error.error.params }),
      };
      throw failure(error.error.code, `record ${id}: ${error.error.message}`, {
        ...issue,
        issues: [issue],
      });
    }
  }
  await auditBulk(
    ctx,
    { action: 'approve', entity: 'reward_record', summary: { approved, awaitingSecond } },
    rows,
  );
  return { approved, awaitingSecond };
}
