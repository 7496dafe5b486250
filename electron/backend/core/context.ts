import type { Kysely } from 'kysely';
import {
  ApiFailure,
  type ApiError,
  type Channel,
  type Output,
  type ParsedInput,
  type Role,
} from '../../../shared/contract';
import type { AuditAction, AuditEntity } from '../../../shared/domain/audit';
import type { DataLayer } from '../../../db/data-layer';
import type { DB } from '../../../db/schema';
import type { ScryptCost } from '../modules/accounts/passwords';
import type { SessionStore } from './sessions';

/** Who is calling: the signed-in user. */
export interface Session {
  userId: number | null;
  username: string;
  displayName: string;
  role: Role;
}

/**
 * Whoever runs a command-line tool on this machine (`npm run demo`): trusted like the file's owner,
 * recorded in the audit trail as 'local'. Never used by a transport.
 */
export const LOCAL_OPERATOR: Session = {
  userId: null,
  username: 'local',
  displayName: 'local',
  role: 'admin',
};

/** One audit entry. With both `before` and `after`, only the fields that changed are kept. */
export interface AuditRecord {
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | number | null;
  before?: object | null;
  after?: object | null;
  /** Who acted, when not the session's user (a sign-in records the user signing in). */
  actor?: { userId: number | null; username: string };
}

/** A refusal whose writes must still commit: a failed sign-in counts the attempt and is audited. */
export class CommittedFailure extends ApiFailure {
  constructor(error: ApiError) {
    super(error);
  }
}

export interface AuthContext {
  /** The caller's session token, so sign-out can end exactly this session. */
  token: string | null;
  sessions: SessionStore;
  passwordCost: ScryptCost;
}

export interface BackendInfo {
  version: string;
  dataDir: string;
}

/** The data layer as handlers see it: the database and its backups. */
export type BackendData = Pick<DataLayer, 'db' | 'list' | 'backup' | 'restore'>;

/** What a handler sees: the transaction it must write through, the caller, and one clock for the action. */
export interface HandlerContext {
  /** The channel's transaction (read-only for read channels); the database itself for `none`. */
  db: Kysely<DB>;
  data: BackendData;
  /** Null only on public channels (setup, sign-in, status) called before signing in. */
  session: Session | null;
  auth: AuthContext;
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

/** One module's handlers: one per channel of its map (shared/contract/<module>.ts), no more. */
export type HandlersOf<Map> = { [C in keyof Map & Channel]: Handler<C> };
