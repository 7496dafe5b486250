import {
  ApiFailure,
  contract,
  isChannel,
  toFieldIssues,
  type ApiError,
  type Channel,
  type Result,
} from '../../shared/contract';
import { appendAudit } from '../../db/queries/audit/trail';
import { changedFields } from '../../shared/domain/audit';
import type { DB } from '../../db/schema';
import type { Kysely } from 'kysely';
import { classifyDatabaseError } from '../../db/sqlite';
import {
  CommittedFailure,
  type AuditRecord,
  type BackendData,
  type BackendInfo,
  type HandlerContext,
  type Handlers,
  type Session,
} from './context';
import {
  authChangePassword,
  authSetup,
  authSignIn,
  authSignOut,
  authStatus,
  DEFAULT_IDLE_MINUTES,
  idleMinutes,
  securitySettings,
  updateSecuritySettings,
} from './handlers/auth';
import {
  usersCreate,
  usersList,
  usersResetPassword,
  usersUnlock,
  usersUpdate,
} from './handlers/users';
import { OWASP_SCRYPT, type ScryptCost } from './passwords';
import { SessionStore } from './sessions';
import { appInfo, demoLoad } from './handlers/app';
import { auditExport, auditList, auditVerify } from './handlers/audit';
import {
  backupsCreate,
  backupsList,
  backupsRestore,
  recoveryRestore,
  recoveryStatus,
} from './handlers/backups';
import { staffImport } from './handlers/import';
import { scheduleAssign, scheduleCopyWeek, scheduleDay, scheduleWeek } from './handlers/schedule';
import { shiftTypesCreate, shiftTypesList, shiftTypesUpdate } from './handlers/shiftTypes';
import { staffCreate, staffList, staffMarkLeft, staffUpdate } from './handlers/staff';
import { teamsCreate, teamsList, teamsUpdate } from './handlers/teams';
import {
  attendanceCloseMonth,
  attendanceCorrect,
  attendanceExport,
  attendanceLeave,
  attendanceMonth,
  attendanceProposals,
  attendanceReopenMonth,
  attendanceRollCall,
  attendanceRulesGet,
  attendanceRulesUpdate,
  attendanceShift,
  attendanceSummary,
  attendanceSwap,
  attendanceSwaps,
  leaveTypesCreate,
  leaveTypesList,
  leaveTypesUpdate,
} from './handlers/attendance';
import { attendanceApplyImport, attendancePreviewImport } from './handlers/attendance-import';
import {
  handoverAcknowledge,
  handoverAddendum,
  handoverAddItem,
  handoverDispute,
  handoverExportItems,
  handoverGet,
  handoverLeads,
  handoverList,
  handoverOpenItems,
  handoverSave,
  handoverSettingsGet,
  handoverSettingsUpdate,
  handoverStart,
  handoverSubmit,
  handoverUpdateItem,
} from './handlers/handover';

export type { Session, BackendInfo } from './context';
export { LOCAL_OPERATOR } from './context';

export const handlers: Handlers = {
  'accounts.status': authStatus,
  'accounts.setup': authSetup,
  'accounts.signIn': authSignIn,
  'accounts.signOut': authSignOut,
  'accounts.changePassword': authChangePassword,
  'accounts.users.list': usersList,
  'accounts.users.create': usersCreate,
  'accounts.users.update': usersUpdate,
  'accounts.users.resetPassword': usersResetPassword,
  'accounts.users.unlock': usersUnlock,
  'accounts.security': securitySettings,
  'accounts.updateSecurity': updateSecuritySettings,
  'app.info': appInfo,
  'app.loadDemo': demoLoad,
  'org.teams.list': teamsList,
  'org.teams.create': teamsCreate,
  'org.teams.update': teamsUpdate,
  'org.staff.list': staffList,
  'org.staff.create': staffCreate,
  'org.staff.update': staffUpdate,
  'org.staff.markLeft': staffMarkLeft,
  'org.staff.import': staffImport,
  'org.shiftTypes.list': shiftTypesList,
  'org.shiftTypes.create': shiftTypesCreate,
  'org.shiftTypes.update': shiftTypesUpdate,
  'org.schedule.week': scheduleWeek,
  'org.schedule.day': scheduleDay,
  'org.schedule.assign': scheduleAssign,
  'org.schedule.copyWeek': scheduleCopyWeek,
  'attendance.leaveTypes.list': leaveTypesList,
  'attendance.leaveTypes.create': leaveTypesCreate,
  'attendance.leaveTypes.update': leaveTypesUpdate,
  'attendance.rules': attendanceRulesGet,
  'attendance.updateRules': attendanceRulesUpdate,
  'attendance.shift': attendanceShift,
  'attendance.rollCall': attendanceRollCall,
  'attendance.correct': attendanceCorrect,
  'attendance.leave': attendanceLeave,
  'attendance.swap': attendanceSwap,
  'attendance.swaps': attendanceSwaps,
  'attendance.previewImport': attendancePreviewImport,
  'attendance.applyImport': attendanceApplyImport,
  'attendance.summary': attendanceSummary,
  'attendance.month': attendanceMonth,
  'attendance.proposals': attendanceProposals,
  'attendance.closeMonth': attendanceCloseMonth,
  'attendance.reopenMonth': attendanceReopenMonth,
  'attendance.export': attendanceExport,
  'handover.settings': handoverSettingsGet,
  'handover.updateSettings': handoverSettingsUpdate,
  'handover.leads': handoverLeads,
  'handover.start': handoverStart,
  'handover.get': handoverGet,
  'handover.save': handoverSave,
  'handover.addItem': handoverAddItem,
  'handover.updateItem': handoverUpdateItem,
  'handover.submit': handoverSubmit,
  'handover.acknowledge': handoverAcknowledge,
  'handover.dispute': handoverDispute,
  'handover.addendum': handoverAddendum,
  'handover.list': handoverList,
  'handover.openItems': handoverOpenItems,
  'handover.exportItems': handoverExportItems,
  'audit.list': auditList,
  'audit.verify': auditVerify,
  'audit.export': auditExport,
  'backups.list': backupsList,
  'backups.create': backupsCreate,
  'backups.restore': backupsRestore,
  'backups.recovery.status': recoveryStatus,
  'backups.recovery.restore': recoveryRestore,
};

const snakeToCamel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Constraint failures the schema guards become field errors the user can act on. */
function fromSqliteError(error: unknown): ApiError | undefined {
  const known = classifyDatabaseError(error);
  if (!known) return undefined;
  const message = (error as Error).message;
  if (known.kind === 'duplicate') {
    const field = known.column ? snakeToCamel(known.column) : undefined;
    return {
      code: 'conflict',
      message,
      key: 'errors.duplicate',
      ...(field ? { field, issues: [{ field, key: 'errors.duplicate' }] } : {}),
    };
  }
  return {
    code: 'conflict',
    message,
    key: known.kind === 'busy' ? 'errors.busy' : 'errors.conflict',
  };
}

export interface Backend {
  /**
   * Runs one user action for the session behind `token`: session → role → input → one
   * transaction → checked output. Never throws: every failure is an ApiError.
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
}

/** Channels that close and reopen the database: they cannot run inside one of its transactions. */
const OUTSIDE_TRANSACTION = new Set<Channel>(['backups.restore']);

export function createBackend(
  data: BackendData,
  info: BackendInfo,
  options: BackendOptions = {},
): Backend {
  const table = options.handlers ?? handlers;
  const log = options.log ?? ((m, e) => console.error(m, e));
  const passwordCost = options.passwordCost ?? OWASP_SCRYPT;
  const sessions = new SessionStore(DEFAULT_IDLE_MINUTES);
  // The idle limit lives in the database; read it once before the first call.
  const ready = idleMinutes(data).then((minutes) => (sessions.idleMinutes = minutes));

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
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      return fail({
        code: 'invalid_input',
        message: `invalid input for ${channel}: ${issues.map((i) => `${i.field || '(input)'} ${i.key}`).join('; ')}`,
        key: 'errors.invalid_input',
        field: issues[0]?.field,
        issues,
      });
    }
    let committedRefusal: ApiError | undefined;
    try {
      const handler = table[channel] as (ctx: HandlerContext, input: unknown) => Promise<unknown>;
      if (OUTSIDE_TRANSACTION.has(channel)) {
        const now = new Date().toISOString();
        // Audit through whatever database is current once the handler has swapped it.
        const audit = (record: AuditRecord) =>
          data.db.transaction().execute((db) => writeAudit(db, session, now, record));
        const auth = { token, sessions, passwordCost };
        const result = await handler(
          { db: data.db, data, session, now, info, audit, auth },
          parsed.data,
        );
        return { ok: true, value: def.output.parse(result) };
      }
      const value = await data.db.transaction().execute(async (db) => {
        const now = new Date().toISOString();
        const audit = (record: AuditRecord) => writeAudit(db, session, now, record);
        const auth = { token, sessions, passwordCost };
        try {
          const result = await handler({ db, data, session, now, info, audit, auth }, parsed.data);
          // The contract binds the backend too: an answer outside it is our bug, and rolls back.
          return def.output.parse(result);
        } catch (error) {
          // A refusal that must keep its writes (a failed sign-in) commits, then fails.
          if (error instanceof CommittedFailure) committedRefusal = error.error;
          else throw error;
        }
      });
      return committedRefusal ? fail(committedRefusal) : { ok: true, value };
    } catch (error) {
      if (error instanceof ApiFailure) return fail(error.error);
      const known = fromSqliteError(error);
      if (known) return fail(known);
      log(`handler ${channel} failed`, error);
      return fail({ code: 'internal', message: 'internal error', key: 'errors.internal' });
    }
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
      const session = typeof token === 'string' && token ? sessions.resolve(token) : null;
      return run(channel, input, session, typeof token === 'string' ? token : null);
    },
    async callAs(channel, input, session) {
      if (!isChannel(channel)) return unknownChannel(channel);
      await ready;
      return run(channel, input, session, null);
    },
  };
}

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

function fail(error: ApiError): Result<never> {
  return { ok: false, error };
}
