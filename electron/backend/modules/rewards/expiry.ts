import { dueExpiries, type LedgerEvent } from '../../../../shared/domain/rewards';
import {
  appendLedger,
  expiringRecords,
  ledgerEvents,
} from '../../../../db/queries/rewards/records';
import type { DailyDuty, HandlerContext } from '../../core/context';
import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';

/** The expiry events due by `today`, from the ledger as it stands. */
async function dueBy(db: Kysely<DB>, today: string) {
  const records = await expiringRecords(db, today);
  if (records.length === 0) return [];
  const events = await ledgerEvents(db, { recordIds: records.map((r) => r.recordId) });
  const staffOf = new Map(records.map((r) => [r.recordId, r.staffId]));
  return dueExpiries(records, events, today).map((e) => ({
    ...e,
    staffId: staffOf.get(e.recordId)!,
  }));
}

/**
 * Writes every expiry due by `today` as its own ledger event, each audited. Idempotent: a record
 * expires once (the ledger's unique (record, kind) holds it in the file too).
 */
export async function runExpiry(ctx: HandlerContext, today: string) {
  const due = await dueBy(ctx.db, today);
  for (const e of due) {
    const event: LedgerEvent = {
      recordId: e.recordId,
      kind: e.kind,
      date: e.date,
      points: e.points,
    };
    await appendLedger(ctx.db, e.staffId, [event], ctx.now);
    await ctx.audit({
      action: 'expire',
      entity: 'reward_record',
      entityId: e.recordId,
      after: { date: e.date, points: e.points },
    });
  }
  return due.length;
}

/** At start and daily: looks first with a read, and takes the write lock only when something is due. */
export const expiryDuty: DailyDuty = async (duty) => {
  if ((await duty.read((db) => dueBy(db, duty.today))).length === 0) return;
  await duty.write((ctx) => runExpiry(ctx, duty.today));
};
