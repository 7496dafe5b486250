import type { Generated } from 'kysely';
import type { AuditAction, AuditEntity } from '../../../shared/domain/audit';

/** Append-only (triggers refuse UPDATE and DELETE); each row's hash covers the previous row's hash. */
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

export interface AuditTables {
  audit_log: AuditLogTable;
}
