import type { Kysely } from 'kysely';
import { changedFields } from '../../../shared/domain/audit';
import { appendAudit } from '../../../db/queries/audit/trail';
import type { DB } from '../../../db/schema';
import type { AuditRecord, Session } from './context';

/**
 * Writes one audit entry through the given transaction: who (the session's user, or the actor
 * named), when, and with both sides given only the fields that changed; nothing when none did.
 */
export async function writeAudit(
  db: Kysely<DB>,
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
  await appendAudit(db, {
    at,
    userId: record.actor ? record.actor.userId : (session?.userId ?? null),
    username: record.actor ? record.actor.username : (session?.username ?? null),
    action: record.action,
    entity: record.entity,
    entityId: record.entityId ?? null,
    before: before as Record<string, unknown> | null,
    after: after as Record<string, unknown> | null,
  });
}
