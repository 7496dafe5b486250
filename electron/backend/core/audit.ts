import type { Kysely } from 'kysely';
import { changedFields } from '../../../shared/domain/audit';
import type { AuditKey } from '../../../db/audit-key';
import { appendAudit } from '../../../db/queries/audit/trail';
import type { DB } from '../../../db/schema';
import type { AuditAction, AuditEntity } from '../../../shared/domain/audit';
import type { AuditRecord, HandlerContext, Session } from './context';

/**
 * Writes one audit entry, keyed, through the given transaction: who (the session's user, or the
 * actor named), when, and with both sides given only the fields that changed; nothing when none did.
 */
export async function writeAudit(
  db: Kysely<DB>,
  key: AuditKey,
  session: Session | null,
  at: string,
  record: AuditRecord,
) {
  let { before = null, after = null } = record;
  if (before && after) {
    ({ before, after } = changedFields(
      before as Record<string, unknown>,
      after as Record<string, unknown>,
    ));
    if (Object.keys(after).length === 0) return; // nothing changed, nothing to record
  }
  await appendAudit(db, key, {
    at,
    userId: record.actor ? record.actor.userId : (session?.userId ?? null),
    username: record.actor ? record.actor.username : (session?.username ?? null),
    action: record.action,
    entity: record.entity,
    entityId: record.entityId ?? null,
    before: before as Record<string, unknown> | null,
    after: after as Record<string, unknown> | null,
    rows: record.rows,
  });
}

/** One record a bulk action touched: its new fields, and for an edit what they were. */
export interface BulkRow {
  entity: AuditEntity;
  entityId: string | number | null;
  before?: object | null;
  after: object;
}

/**
 * The one way a bulk action is audited (a clock import, a roster import): one entry with its
 * summary, opening to one row per record touched, each row's change only the fields that changed.
 */
export async function auditBulk(
  ctx: HandlerContext,
  entry: { action: AuditAction; entity: AuditEntity; summary: object },
  rows: readonly BulkRow[],
) {
  await ctx.audit({
    action: entry.action,
    entity: entry.entity,
    after: entry.summary,
    rows: rows.map(({ entity, entityId, before, after }) => ({
      entity,
      entityId,
      change: before
        ? changedFields(before as Record<string, unknown>, after as Record<string, unknown>)
        : { after },
    })),
  });
}

/**
 * Audits an edit of one record with both sides (only the fields that changed are kept) and
 * answers with the record as it is now: the last step of most update handlers.
 */
export async function auditUpdate<T extends object>(
  ctx: HandlerContext,
  entity: AuditEntity,
  entityId: number,
  { before, after }: { before: T; after: T },
  action: 'update' | 'mark_left' = 'update',
): Promise<T> {
  await ctx.audit({ action, entity, entityId, before, after });
  return after;
}

/** Audits a new record with what it was made from, and answers with the record. */
export async function auditCreate<T extends { id: number }>(
  ctx: HandlerContext,
  entity: AuditEntity,
  created: T,
  from: object,
): Promise<T> {
  await ctx.audit({ action: 'create', entity, entityId: created.id, after: from });
  return created;
}
