import type { PersonStanding, RewardRecord, RewardsStandings } from '../../../../shared/contract';
import {
  activeWarnings,
  allowedRecordActions,
  balanceAsOf,
  suggestStep,
} from '../../../../shared/domain/rewards';
import { formatDate } from '../../../../shared/domain/time';
import { findReason, findType, listTypes } from '../../../../db/queries/rewards/catalog';
import {
  evidenceItems,
  ladderRecords,
  ledgerEvents,
  recordsWhere,
} from '../../../../db/queries/rewards/records';
import { standingsAsOf, type StandingWarning } from '../../../../db/queries/rewards/standings';
import type { HandlerContext } from '../../core/context';
import { actorOf, factsOf, today } from './records';

/** A person as of a date: balance from the ledger, the warnings that count, the ladder's suggestion. */
export async function personStanding(
  ctx: HandlerContext,
  staffId: number,
  asOfInput: string | null,
  reasonId: number | null,
): Promise<PersonStanding> {
  const asOf = asOfInput ?? today(ctx);
  const events = (await ledgerEvents(ctx.db, { staffId, through: asOf })).map(
    ({ staffId: _, ...e }) => e,
  );
  const ladder = await ladderRecords(ctx.db, staffId);
  const names = new Map(ladder.map((r) => [r.recordId, r]));
  const warnings = activeWarnings(
    ladder.map((r) => ({
      recordId: r.recordId,
      step: r.step,
      eventDate: r.eventDate,
      expiresOn: r.expiresOn!,
      revokedOn: r.revokedAt ? formatDate(new Date(r.revokedAt)) : null,
    })),
    asOf,
  ).map((w) => ({
    ...w,
    typeZh: names.get(w.recordId)!.typeZh,
    typeEn: names.get(w.recordId)!.typeEn,
  }));
  let suggestion: PersonStanding['suggestion'] = null;
  const reason = reasonId === null ? undefined : await findReason(ctx.db, { id: reasonId });
  if (reason) {
    const own = await findType(ctx.db, reason.defaultTypeId);
    const s = suggestStep(
      warnings.map((w) => w.step),
      own?.ladderStep ?? 'none',
    );
    const type =
      own && own.ladderStep === s.step
        ? own
        : (await listTypes(ctx.db)).find(
            (t) => t.active && t.kind === 'penalty' && t.ladderStep === s.step,
          );
    suggestion = { ...s, typeId: s.step === 'none' ? (own?.id ?? null) : (type?.id ?? null) };
  }
  return { staffId, asOf, balance: balanceAsOf(events, asOf), warnings, events, suggestion };
}

/**
 * Everyone's standing on a day, or one team's: what `personStanding` says of each person's
 * balance and warnings, for all of them in one query. A supervisor's are their teams'.
 */
export async function standings(
  ctx: HandlerContext,
  asOfInput: string | null,
  teamId: number | null,
): Promise<RewardsStandings> {
  const asOf = asOfInput ?? today(ctx);
  const rows = await standingsAsOf(ctx.db, asOf, { teamId, teamIds: ctx.teams.filter });
  return {
    asOf,
    people: rows.map((r) => ({
      ...r,
      balance: Number(r.balance),
      warnings: JSON.parse(r.warnings) as StandingWarning[],
    })),
  };
}

/**
 * What waits for the caller: the proposals they may approve now (oldest first), and what they
 * proposed themselves, latest first, with its state.
 */
export async function queue(ctx: HandlerContext) {
  const actor = actorOf(ctx);
  const waiting: RewardRecord[] = [];
  if (actor.role === 'manager' || actor.role === 'admin') {
    const proposed = await recordsWhere(ctx.db, { states: ['proposed'] }, 1000, 'old');
    for (const r of proposed)
      if (allowedRecordActions(await factsOf(ctx, r), actor).includes('approve')) waiting.push(r);
  }
  const mine =
    actor.userId === null
      ? []
      : await recordsWhere(ctx.db, { proposedByUserId: actor.userId }, 50, 'recent');
  const evidence = await evidenceItems(
    ctx.db,
    waiting.map((r) => r.id),
  );
  return { waiting: waiting.map((r) => ({ ...r, evidence: evidence.get(r.id) ?? [] })), mine };
}
