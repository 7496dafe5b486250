import type { Generated } from 'kysely';
import type { AuditAction, AuditEntity } from '../../../shared/domain/audit';

/**
 * Append-only (triggers refuse UPDATE and DELETE). `hash` links each row to the one before: an
 * HMAC with the audit key (db/audit-key.ts), or for rows up to the switch-over entry of a trail
 * older than the key, a plain SHA-256.
 */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string | null;
  action: AuditAction;
  entity: AuditEntity;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** A bulk entry's per-row changes (append-only); the entry's MAC covers a digest of them. */
export interface AuditRowsTable {
  entry_id: number;
  row_index: number;
  entity: AuditEntity;
  entity_id: string | null;
  /** JSON: what the action did to this row (its own before/after, or the fields it wrote). */
  change: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_rows: AuditRowsTable;
}
