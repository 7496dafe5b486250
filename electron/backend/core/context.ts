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
import type { AuditRowChange } from '../../../db/queries/audit/trail';
import type { DataLayer } from '../../../db/data-layer';
import type { DB } from '../../../db/schema';
import type { UnknownNameAttempts } from '../modules/accounts/attempts';
import type { ScryptCost } from '../modules/accounts/passwords';
import type { SessionStore } from './sessions';
import type { TeamScope } from './teams';

/** Who is calling: the signed-in user. */
export interface Session {
  userId: number | null;
  username: string;
  displayName: string;
  role: Role;
  /**
   * The teams a supervisor leads: the team data they may see and write (core/teams.ts). Managers,
   * HR and admins reach every team whatever this holds.
   */
  teamIds?: readonly number[];
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
  /** A bulk action's per-row changes: one entry that opens to them (core/audit.ts auditBulk). */
  rows?: readonly AuditRowChange[];
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
  /** Failed sign-ins of names no account has, counted like an account's (in memory). */
  signInAttempts: UnknownNameAttempts;
}

export interface BackendInfo {
  version: string;
  dataDir: string;
}

/** The data layer as handlers see it: the database, its backups and its audit key and anchors. */
export type BackendData = Pick<
  DataLayer,
  | 'db'
  | 'dataDir'
  | 'list'
  | 'backup'
  | 'restore'
  | 'mirror'
  | 'setMirror'
  | 'auditKey'
  | 'anchorAuditHead'
  | 'verifyAudit'
>;

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
  /** Which teams' data the caller reaches: every team, or a supervisor's own (core/teams.ts). */
  teams: TeamScope;
  /** Writes to the audit trail inside the same transaction as the action it records. */
  audit(record: AuditRecord): Promise<void>;
}

type HandlerFunction<C extends Channel> = (
  ctx: HandlerContext,
  input: ParsedInput<C>,
) => Promise<Output<C>>;

/** What the slow work before the transaction may see: the caller, and reads of its own. */
export interface PrepareContext {
  session: Session | null;
  /** The data layer: slow file work (a backup before a month close) belongs here, not in `run`. */
  data: BackendData;
  auth: AuthContext;
  info: BackendInfo;
  teams: TeamScope;
  /** A read transaction of its own, separate from the action's write transaction. */
  read<T>(query: (db: Kysely<DB>) => Promise<T>): Promise<T>;
}

/**
 * A handler with slow work (parsing a file, hashing a password) done first, outside the
 * transaction, so it delays only its own caller: `prepare` runs with no lock held, then `run` gets
 * its result inside the channel's transaction. `run` must re-check anything `prepare` read that
 * may have changed in between.
 */
export interface PreparedHandler<C extends Channel, P> {
  prepare(ctx: PrepareContext, input: ParsedInput<C>): Promise<P>;
  run(ctx: HandlerContext, input: ParsedInput<C>, prepared: P): Promise<Output<C>>;
}

export type Handler<C extends Channel> =
  | HandlerFunction<C>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler names its own P
  | PreparedHandler<C, any>;

/** Declares a handler with a prepare step, keeping the prepared value's type between the two. */
export const preparedHandler = <C extends Channel, P>(
  handler: PreparedHandler<C, P>,
): PreparedHandler<C, P> => handler;

/** Who the audit trail names for what the console does by itself (a daily duty). */
export const SYSTEM_ACTOR = { userId: null, username: 'system' } as const;

/** What a daily duty (core/backend.ts) may do: read, and write in one transaction of its own. */
export interface DutyContext {
  /** The local day it runs for, 'yyyy-MM-dd'. */
  today: string;
  read<T>(query: (db: Kysely<DB>) => Promise<T>): Promise<T>;
  write<T>(work: (ctx: HandlerContext) => Promise<T>): Promise<T>;
}
export type DailyDuty = (ctx: DutyContext) => Promise<void>;

/** One handler per contract channel: a channel without one fails to compile. */
export type Handlers = { [C in Channel]: Handler<C> };

/** One module's handlers: one per channel of its map (shared/contract/<module>.ts), no more. */
export type HandlersOf<Map> = { [C in keyof Map & Channel]: Handler<C> };
