import {
  failure,
  type ParsedInput,
  type RewardRecord,
  type RewardRecordDetail,
} from '../../../../shared/contract';
import {
  allowedRecordActions,
  decide,
  pointsFitKind,
  type Actor,
  type RecordAction,
  type RecordFacts,
} from '../../../../shared/domain/rewards';
import { formatDate, monthOf } from '../../../../shared/domain/time';
import { findReason, findType } from '../../../../db/queries/rewards/catalog';
import {
  decisionsOf,
  evidenceItems,
  evidenceOf,
  findRecord,
  insertRecord,
  ledgerEvents,
  monthIsClosed,
  replaceEvidence,
  updateRecord,
  type RecordWrite,
} from '../../../../db/queries/rewards/records';
import type { HandlerContext } from '../../core/context';
import { approvalWarnings } from './compliance';
import { fieldFailure, fieldFailures } from '../../core/errors';

type RecordFields = Omit<ParsedInput<'rewards.records.propose'>, 'staffId'>;

/** The desk's local day now: the day a revocation counts from, the day expiries are due by. */
export const today = (ctx: Pick<HandlerContext, 'now'>) => formatDate(new Date(ctx.now));
export const userName = (ctx: HandlerContext) => ctx.session?.displayName ?? 'local';
export const actorOf = (ctx: HandlerContext): Actor => ({
  userId: ctx.session?.userId ?? null,
  role: ctx.session?.role ?? 'admin',
});

export async function mustFindRecord(ctx: HandlerContext, id: number, field = 'id') {
  const record = await findRecord(ctx.db, id);
  if (!record)
    throw failure('not_found', `no reward/penalty record ${id}`, {
      field,
      key: 'errors.not_found',
    });
  return record;
}

export async function factsOf(ctx: HandlerContext, record: RewardRecord): Promise<RecordFacts> {
  const decisions = await decisionsOf(ctx.db, record.id);
  return {
    state: record.state,
    redLine: record.redLine,
    proposedBy: record.proposedByUserId,
    approvals: decisions
      .filter((d) => d.decision === 'approve')
      .map((d) => ({ userId: d.approverUserId, role: d.approverRole as Actor['role'] })),
    explained: Boolean(record.agentExplanation && record.context),
  };
}

/**
 * Refuses what the state machine refuses, saying why. A conflict, not `forbidden`: the caller's
 * role may call the channel; this record, in this state, is what says no.
 */
export async function mustAllow(
  ctx: HandlerContext,
  record: RewardRecord,
  action: RecordAction,
  reason: string | null = null,
) {
  const facts = await factsOf(ctx, record);
  const verdict = decide(facts, action, actorOf(ctx), reason);
  if (!verdict.allowed)
    throw failure('conflict', `${action} refused: ${verdict.why}`, {
      key: `errors.rewards.${verdict.why}`,
    });
  return { facts, next: verdict.next };
}

/** A closed month's records are locked (with the attendance month): refused before the trigger does. */
export async function refuseClosedMonth(ctx: HandlerContext, date: string, field = 'eventDate') {
  const month = monthOf(date);
  if (await monthIsClosed(ctx.db, month))
    throw failure('conflict', `${month} is closed`, {
      field,
      key: 'errors.monthClosed',
      params: { month },
    });
}

/** The record's columns from the input: the reason's default type, the type's default points and amount. */
async function resolveFields(
  ctx: HandlerContext,
  staffId: number,
  f: RecordFields,
): Promise<RecordWrite> {
  const reason = await findReason(ctx.db, { id: f.reasonId });
  if (!reason?.active) throw fieldFailure('reasonId', 'errors.rewards.unknownReason');
  const type = await findType(ctx.db, f.typeId ?? reason.defaultTypeId);
  if (!type?.active) throw fieldFailure('typeId', 'errors.rewards.unknownType');
  const points = f.points ?? type.defaultPoints;
  if (!pointsFitKind(type.kind, points)) throw fieldFailure('points', 'validation.pointsKind');
  if (f.eventDate > today(ctx)) throw fieldFailure('eventDate', 'errors.rewards.futureDate');
  await refuseClosedMonth(ctx, f.eventDate);
  const staff = await ctx.db
    .selectFrom('staff')
    .select(['status'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!staff) throw fieldFailure('staffId', 'errors.not_found');
  await checkEvidence(ctx, staffId, f.evidence);
  return {
    staff_id: staffId,
    event_date: f.eventDate,
    reason_id: reason.id,
    type_id: type.id,
    red_line: reason.redLine ? 1 : 0,
    description: f.description,
    points,
    amount_fen: f.amount ?? type.defaultAmountFen,
    external_ref: f.externalRef,
    agent_explanation: f.agentExplanation,
    context: f.context,
    ladder_step: type.ladderStep,
    validity_months: type.validityMonths,
  };
}

/** Each link must point at something that exists, and attendance at this person's. */
async function checkEvidence(
  ctx: HandlerContext,
  staffId: number,
  links: RecordFields['evidence'],
) {
  const bad: { field: string; key: string }[] = [];
  for (const [i, link] of links.entries()) {
    const row =
      link.entity === 'attendance_record'
        ? await ctx.db
            .selectFrom('attendance_records')
            .select('staff_id')
            .where('id', '=', link.entityId)
            .executeTakeFirst()
        : link.entity === 'attendance_proposal'
          ? await ctx.db
              .selectFrom('penalty_proposals')
              .select('staff_id')
              .where('id', '=', link.entityId)
              .executeTakeFirst()
          : await ctx.db
              .selectFrom('handover_items')
              .select((eb) => eb.val(staffId).as('staff_id'))
              .where('id', '=', link.entityId)
              .executeTakeFirst();
    if (!row || row.staff_id !== staffId)
      bad.push({ field: `evidence.${i}.entityId`, key: 'errors.rewards.unknownEvidence' });
  }
  if (bad.length) throw fieldFailures(bad, 'evidence that does not exist');
}

export async function propose(ctx: HandlerContext, input: ParsedInput<'rewards.records.propose'>) {
  const { staffId, ...fields } = input;
  const row = await resolveFields(ctx, staffId, fields);
  const id = await insertRecord(
    ctx.db,
    {
      ...row,
      source: 'manual',
      attendance_proposal_id: null,
      proposed_by_user_id: ctx.session?.userId ?? null,
      proposed_by: userName(ctx),
    },
    ctx.now,
  );
  await replaceEvidence(ctx.db, id, fields.evidence);
  return { id, after: { ...row, evidence: fields.evidence } };
}

export async function edit(ctx: HandlerContext, input: ParsedInput<'rewards.records.update'>) {
  const { id, ...fields } = input;
  const record = await mustFindRecord(ctx, id);
  await mustAllow(ctx, record, 'edit');
  await refuseClosedMonth(ctx, record.eventDate);
  const row = await resolveFields(ctx, record.staffId, fields);
  const evidence = await evidenceOf(ctx.db, id);
  await updateRecord(ctx.db, id, { ...row, updated_at: ctx.now });
  await replaceEvidence(ctx.db, id, fields.evidence);
  return {
    before: { ...record, evidence },
    after: { ...(await mustFindRecord(ctx, id)), evidence: fields.evidence },
  };
}

export async function detail(ctx: HandlerContext, id: number): Promise<RewardRecordDetail> {
  const record = await mustFindRecord(ctx, id);
  const decisions = await decisionsOf(ctx.db, id);
  const actions = allowedRecordActions(await factsOf(ctx, record), actorOf(ctx));
  return {
    ...record,
    evidence: (await evidenceItems(ctx.db, [id])).get(id) ?? [],
    decisions,
    ledger: (await ledgerEvents(ctx.db, { recordIds: [id] })).map(({ staffId: _, ...e }) => e),
    actions,
    warnings: actions.includes('approve') ? await approvalWarnings(ctx, record) : [],
  };
}
