import type { Kysely } from 'kysely';
import type { Channel, Output, ParsedInput, Role } from '../../shared/contract';
import type { DB } from '../../db/schema';

/** Who is calling. Accounts arrive with the accounts issue; until then the desk runs as one local admin. */
export interface Session {
  userId: number | null;
  displayName: string;
  role: Role;
}

export const LOCAL_OPERATOR: Session = { userId: null, displayName: 'local', role: 'admin' };

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
}

export type Handler<C extends Channel> = (
  ctx: HandlerContext,
  input: ParsedInput<C>,
) => Promise<Output<C>>;

/** One handler per contract channel: a channel without one fails to compile. */
export type Handlers = { [C in Channel]: Handler<C> };
