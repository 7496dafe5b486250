import { addMonths } from 'date-fns';
import { formatDate, parseDate } from '../time';

/**
 * The points ledger: every change of a person's balance is an event of its own — the grant when
 * a record is approved, its expiry when its type's months run out, its revocation. Balances are
 * sums of events, never recomputed from the records, so the past stays as it was written.
 */
export const LEDGER_KINDS = ['grant', 'expire', 'revoke'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerEvent {
  recordId: number;
  kind: LedgerKind;
  /** 'yyyy-MM-dd': the day it counts from. */
  date: string;
  points: number;
}

/**
 * The first day a record's points (and its warning) no longer count: its event date plus its
 * type's months (31 January + 1 month is 28 or 29 February, as date-fns clamps).
 */
export function expiryDate(eventDate: string, validityMonths: number): string {
  return formatDate(addMonths(parseDate(eventDate), validityMonths));
}

/** A person's balance as of a date: the sum of their events dated that day or before. */
export function balanceAsOf(events: readonly LedgerEvent[], date: string): number {
  let sum = 0;
  for (const e of events) if (e.date <= date) sum += e.points;
  return sum;
}

/** What a record's events still count for: the grant less whatever expired or was revoked. */
export function remainingPoints(events: readonly LedgerEvent[], recordId: number): number {
  return events.filter((e) => e.recordId === recordId).reduce((s, e) => s + e.points, 0);
}

/** An approved record's grant: none for a record without points (nothing to expire either). */
export function grantEvent(recordId: number, eventDate: string, points: number): LedgerEvent[] {
  return points === 0 ? [] : [{ recordId, kind: 'grant', date: eventDate, points }];
}

/**
 * The expiry events due by `today`: one per granted record whose expiry day has come and that has
 * neither expired nor been revoked yet, dated its expiry day, taking back what remains. Running
 * it again, or on a later day, never writes a second one for the same record.
 */
export function dueExpiries(
  records: readonly { recordId: number; expiresOn: string }[],
  events: readonly LedgerEvent[],
  today: string,
): LedgerEvent[] {
  const granted = new Set<number>();
  const closed = new Set<number>();
  for (const e of events) {
    if (e.kind === 'grant') granted.add(e.recordId);
    else closed.add(e.recordId);
  }
  return records
    .filter((r) => granted.has(r.recordId) && !closed.has(r.recordId) && r.expiresOn <= today)
    .map((r) => ({
      recordId: r.recordId,
      kind: 'expire' as const,
      date: r.expiresOn,
      points: 0 - remainingPoints(events, r.recordId),
    }));
}

/**
 * A revocation's event: takes back what still counts (nothing once expired, but the event is
 * still written so the timeline shows it). None for a record that never granted points.
 */
export function revokeEvent(
  recordId: number,
  events: readonly LedgerEvent[],
  date: string,
): LedgerEvent[] {
  const mine = events.filter((e) => e.recordId === recordId);
  if (!mine.some((e) => e.kind === 'grant') || mine.some((e) => e.kind === 'revoke')) return [];
  return [{ recordId, kind: 'revoke', date, points: 0 - remainingPoints(mine, recordId) }];
}
