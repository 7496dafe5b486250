import {
  ApiFailure,
  contract,
  isChannel,
  type ApiError,
  type Channel,
  type Result,
} from '../../../shared/contract';
import { readTransaction, writeTransaction } from '../../../db/sqlite';
import { UnknownNameAttempts } from '../modules/accounts/attempts';
import { OWASP_SCRYPT, type ScryptCost } from '../modules/accounts/passwords';
import { DEFAULT_IDLE_MINUTES, idleMinutes } from '../modules/accounts/security';
import { dailyDuties, handlers, teamRules } from '../modules';
import { formatDate } from '../../../shared/domain/time';
import { writeAudit } from './audit';
import {
  CommittedFailure,
  type AuditRecord,
  type BackendData,
  type BackendInfo,
  type DutyContext,
  type Handler,
  type HandlerContext,
  type Handlers,
  type Session,
  SYSTEM_ACTOR,
} from './context';
import { fromDatabaseError, inputError } from './errors';
import { SessionStore } from './sessions';
import { TeamScope, underTeamRule, type TeamRule } from './teams';

export interface Backend {
  /**
   * Runs one user action for the session behind `token`: session → role → input → the
   * channel's transaction → checked output. Never throws: every failure is an ApiError.
   */
  call(channel: unknown, input: unknown, token: string | null): Promise<Result<unknown>>;
  /** The same for a caller this process already trusts (command-line tools, tests). */
  callAs(channel: unknown, input: unknown, session: Session | null): Promise<Result<unknown>>;
  sessions: SessionStore;
}

export interface BackendOptions {
  handlers?: Handlers;
  log?: (message: string, error: unknown) => void;
  /** scrypt cost for new password hashes: OWASP's by default. */
  passwordCost?: ScryptCost;
  /** The clock every action reads as `ctx.now`: the wall clock, or a test's (time moved forward, not slept). */
  clock?: () => Date;
}

export function createBackend(
  data: BackendData,
  info: BackendInfo,
  options: BackendOptions = {},
): Backend {
  const table = options.handlers ?? handlers;
  const log = options.log ?? ((m, e) => console.error(m, e));
  const passwordCost = options.passwordCost ?? OWASP_SCRYPT;
  const clock = options.clock ?? (() => new Date());
  const sessions = new SessionStore(DEFAULT_IDLE_MINUTES);
  const signInAttempts = new UnknownNameAttempts();
  // The idle limit lives in the database; read it once before the first call.
  const ready = idleMinutes(data).then((minutes) => (sessions.idleMinutes = minutes));

  /**
   * The modules' daily duties (points expiry): before the first call of each local day, so at
   * start and then daily, whatever the clock says, with no timer to outlive the backend. A
   * failure is logged and tried again at the next call; the call itself goes ahead.
   */
  let duties: { day: string; done: Promise<boolean> } | null = null;
  const dutyContext = (today: string): DutyContext => ({
    today,
    read: (query) => readTransaction(data.db, query),
    write: (work) =>
      writeTransaction(data.db, (db) => {
        const now = clock().toISOString();
        const audit = (record: AuditRecord) =>
          writeAudit(db, data.auditKey, null, now, { actor: SYSTEM_ACTOR, ...record });
        return work({
          db,
          data,
          session: null,
          now,
          info,
          teams: TeamScope.EVERY_TEAM,
          audit,
          auth: { token: null, sessions, passwordCost, signInAttempts },
        });
      }),
  });
  async function dutiesOfToday() {
    const today = formatDate(clock());
    if (duties?.day !== today) {
      duties = {
        day: today,
        done: (async () => {
          try {
            for (const duty of dailyDuties) await duty(dutyContext(today));
            return true;
          } catch (error) {
            log('a daily duty failed; it runs again at the next call', error);
            return false;
          }
        })(),
      };
    }
    if (!(await duties.done)) duties = null;
  }

  async function run(
    channel: Channel,
    input: unknown,
    session: Session | null,
    token: string | null,
  ): Promise<Result<unknown>> {
    const def = contract[channel];
    if (!('public' in def)) {
      if (!session)
        return fail({
          code: 'unauthorized',
          message: 'sign in first',
          key: token ? 'errors.sessionExpired' : 'errors.unauthorized',
        });
      if (!def.roles.includes(session.role)) {
        return fail({
          code: 'forbidden',
          message: `${session.role} may not call ${channel}`,
          key: 'errors.forbidden',
        });
      }
    }
    // reportInput lets a missing value read as 'required' rather than 'wrong type'.
    const parsed = def.input.safeParse(input, { reportInput: true });
    if (!parsed.success) return fail(inputError(channel, parsed.error));
    const handler = table[channel] as Handler<Channel>;
    const auth = { token, sessions, passwordCost, signInAttempts };
    const teams = TeamScope.of(session);
    let prepared: unknown;
    let step: (ctx: HandlerContext, input: unknown) => Promise<unknown>;
    if (typeof handler === 'function') {
      step = handler as (ctx: HandlerContext, input: unknown) => Promise<unknown>;
    } else {
      try {
        prepared = await handler.prepare(
          {
            session,
            data,
            auth,
            info,
            teams,
            read: (query) => readTransaction(data.db, query),
          },
          parsed.data as never,
        );
      } catch (error) {
        return failed(channel, error);
      }
      step = (ctx, input) => handler.run(ctx, input as never, prepared);
    }
    // The channel's team rule checks what the input reaches and narrows the answer (core/teams.ts).
    // The contract binds the backend too: an answer outside it is our bug, and rolls back.
    const rule = teamRules[channel] as TeamRule<Channel>;
    const answer = async (ctx: HandlerContext) =>
      def.output.parse(
        await underTeamRule(
          ctx,
          rule,
          parsed.data as never,
          () => step(ctx, parsed.data) as Promise<never>,
        ),
      );
    // Whether the action appended audit entries: then the chain's head file is rewritten after it.
    let audited = false;
    const auditThrough = (db: HandlerContext['db'], now: string) => (record: AuditRecord) => {
      audited = true;
      return writeAudit(db, data.auditKey, session, now, record);
    };
    const inTransaction = (db: HandlerContext['db']): HandlerContext => {
      const now = clock().toISOString();
      return { db, data, session, now, info, teams, audit: auditThrough(db, now), auth };
    };
    let committedRefusal: ApiError | undefined;
    const execute = async (): Promise<Result<unknown>> => {
      switch (def.transaction) {
        case 'read':
          return {
            ok: true,
            value: await readTransaction(data.db, (db) => answer(inTransaction(db))),
          };
        case 'none': {
          const now = clock().toISOString();
          // Audit through whatever database is current once the handler has swapped it.
          const audit = (record: AuditRecord) =>
            writeTransaction(data.db, (db) => auditThrough(db, now)(record));
          return {
            ok: true,
            value: await answer({ db: data.db, data, session, now, info, teams, audit, auth }),
          };
        }
        case 'write': {
          const value = await writeTransaction(data.db, async (db) => {
            try {
              return await answer(inTransaction(db));
            } catch (error) {
              // A refusal that must keep its writes (a failed sign-in) commits, then fails.
              if (error instanceof CommittedFailure) committedRefusal = error.error;
              else throw error;
            }
          });
          return committedRefusal ? fail(committedRefusal) : { ok: true, value };
        }
      }
    };
    try {
      return await execute();
    } catch (error) {
      return failed(channel, error);
    } finally {
      if (audited) await anchorHead(channel);
    }
  }

  /** After the commit: the head file follows the trail. The action stands even if this fails. */
  async function anchorHead(channel: Channel) {
    try {
      await data.anchorAuditHead();
    } catch (error) {
      log(`the audit head after ${channel} could not be written`, error);
    }
  }

  /**
   * Every failure as data: ours carry their error; the database's get words; the rest is logged.
   * A full disk or a folder that refuses writes is logged too, with its real cause: the user's
   * words say what to do, the log says what happened.
   */
  function failed(channel: Channel, error: unknown): Result<never> {
    if (error instanceof ApiFailure) return fail(error.error);
    const known = fromDatabaseError(error, info.dataDir);
    // A read channel runs with query_only: its "readonly database" is a handler that tried to write.
    const readHandlerWrote =
      known?.code === 'read_only' && contract[channel].transaction === 'read';
    if (known && !readHandlerWrote) {
      if (known.code === 'disk_full' || known.code === 'read_only')
        log(`handler ${channel} failed: ${known.code}`, error);
      return fail(known);
    }
    log(`handler ${channel} failed`, error);
    return fail({ code: 'internal', message: 'internal error', key: 'errors.internal' });
  }

  const unknownChannel = (channel: unknown) =>
    fail({
      code: 'unknown_channel',
      message: `unknown channel ${String(channel)}`,
      key: 'errors.unknown_channel',
    });

  return {
    sessions,
    async call(channel, input, token) {
      if (!isChannel(channel)) return unknownChannel(channel);
      await ready;
      await dutiesOfToday();
      const session = typeof token === 'string' && token ? sessions.resolve(token) : null;
      return run(channel, input, session, typeof token === 'string' ? token : null);
    },
    async callAs(channel, input, session) {
      if (!isChannel(channel)) return unknownChannel(channel);
      await ready;
      await dutiesOfToday();
      return run(channel, input, session, null);
    },
  };
}

function fail(error: ApiError): Result<never> {
  return { ok: false, error };
}
