import type { Kysely } from 'kysely';
import type { Channel, Output, ParsedInput, Role } from '../../shared/contract';
import type { DB } from '../../db/schema';

/** Who is calling: the signed-in user. */
export interface Session {
  userId: number | null;
  username: string;
  displayName: string;
  role: Role;
}

export const LOCAL_OPERATOR: Session = {
  userId: null,
  username: 'local',
  displayName: 'local',
  role: 'admin',
};

/** One audit entry. With both `before` and `after`, only the fields that changed are kept. */
export interface AuditRecord {
  action:
    | 'create'
    | 'update'
    | 'mark_left'
    | 'import'
    | 'export'
    | 'lock'
    | 'unlock'
    | 'sign_in'
    | 'sign_in_failed'
    | 'sign_out'
    | 'backup'
    | 'restore'
    | 'copy'
    | 'password_change'
    | 'password_reset';
  entity: string;
  entityId?: string | number | null;
  before?: object | null;
  after?: object | null;
}

export interface BackendInfo {
  version: string;
  dataDir: string;
}

/** What a handler sees: the transaction it must write through, the caller, and one clock for the action. */
export interface HandlerContext {
  db: Kysely<DB>;
  session: Session;
  now: string;
  info: BackendInfo;
  /** Writes to the audit trail inside the same transaction as the action it records. */
  audit(record: AuditRecord): Promise<void>;
}

export type Handler<C extends Channel> = (
  ctx: HandlerContext,
  input: ParsedInput<C>,
) => Promise<Output<C>>;

/** One handler per contract channel: a channel without one fails to compile. */
export type Handlers = { [C in Channel]: Handler<C> };
