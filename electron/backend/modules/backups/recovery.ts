import { readHeadFile } from '../../../../db/audit-head';
import {
  BackupRejectedError,
  findRecoveryTarget,
  recoveryTargets,
  restoreOverDamaged,
  type DataLayer,
} from '../../../../db/data-layer';
import { findCredentials } from '../../../../db/queries/accounts/users';
import type { DB } from '../../../../db/schema';
import { readFileWith, writeTransaction, type OpenOptions } from '../../../../db/sqlite';
import { contract, type ApiError, type Result } from '../../../../shared/contract';
import type { Backend } from '../../core/backend';
import { writeAudit } from '../../core/audit';
import { inputError } from '../../core/errors';
import { SessionStore } from '../../core/sessions';
import { hashPassword, verifyPassword } from '../accounts/passwords';
import { LOCK_AFTER, LOCK_MINUTES } from '../accounts/attempts';
import { publicInfo, rejected } from './service';

/** The administrator of that name in a backup, with the password hash the backup holds. */
async function adminOfBackup(file: string, username: string, options: OpenOptions) {
  const found = await readFileWith<DB, Awaited<ReturnType<typeof findCredentials>>>(
    file,
    (db) => findCredentials(db, username),
    options,
  );
  return found && found.user.role === 'admin' && found.user.active ? found : undefined;
}

// Spent on names the backup does not know, so a wrong name takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * The backend while the database file cannot be opened: it answers only the recovery channels,
 * and every other call with `database_damaged`, so the console shows a recovery screen, not a
 * crash. It offers only backups with an administrator, restores one only with that
 * administrator's username and password as the backup holds them (checked outside any
 * transaction; five wrong answers stop it for a while), and audits the restore in the restored file.
 */
export function createRecoveryBackend(
  dataDir: string,
  problem: string,
  onRestored: () => Promise<DataLayer>,
  options: OpenOptions & { log?: (message: string, error: unknown) => void } = {},
): Backend {
  const log = options.log ?? ((m, e) => console.error(m, e));
  const damaged: Result<never> = {
    ok: false,
    error: { code: 'database_damaged', message: problem, key: 'errors.database_damaged' },
  };
  const fail = (error: ApiError): Result<never> => ({ ok: false, error });
  let failures = 0;
  let lockedUntil = 0;

  const call: Backend['call'] = async (channel, input) => {
    if (channel === 'backups.recovery.status') {
      const backups = (await recoveryTargets(dataDir, options)).map(publicInfo);
      return { ok: true, value: { damaged: true, problem, backups } };
    }
    if (channel !== 'backups.recovery.restore') return damaged;
    const parsed = contract[channel].input.safeParse(input, { reportInput: true });
    if (!parsed.success) return fail(inputError(channel, parsed.error));
    const { name, username, password } = parsed.data;
    if (Date.now() < lockedUntil)
      return fail({
        code: 'unauthorized',
        message: 'recovery locked after wrong passwords',
        key: 'errors.recoveryLocked',
        params: { minutes: Math.ceil((lockedUntil - Date.now()) / 60_000) },
      });
    try {
      const target = await findRecoveryTarget(dataDir, name, options);
      const admin = await adminOfBackup(target.file, username, options);
      dummyHash ??= hashPassword('not a password');
      const right = await verifyPassword(password, admin?.passwordHash ?? (await dummyHash));
      if (!admin || !right) {
        if (++failures >= LOCK_AFTER) lockedUntil = Date.now() + LOCK_MINUTES * 60_000;
        return fail({
          code: 'unauthorized',
          message: 'not an administrator of this backup',
          key: 'errors.recoveryCredentials',
          field: 'password',
        });
      }
      failures = 0;
      const damagedFile = restoreOverDamaged(dataDir, target);
      const data = await onRestored();
      // The restored trail records who restored what, and the head the damaged trail had reached.
      const previousHead = readHeadFile(dataDir, data.auditKey).head;
      await writeTransaction(data.db, (db) =>
        writeAudit(db, data.auditKey, null, new Date().toISOString(), {
          action: 'restore',
          entity: 'backup',
          entityId: name,
          actor: { userId: admin.user.id, username: admin.user.username },
          after: { restored: name, recovery: true, damagedFile, previousHead },
        }),
      );
      await data.anchorAuditHead();
      return { ok: true, value: {} };
    } catch (error) {
      if (error instanceof BackupRejectedError) return fail(rejected(error).error);
      log('recovery restore failed', error);
      return fail({ code: 'internal', message: 'internal error', key: 'errors.internal' });
    }
  };
  return {
    call,
    callAs: (channel, input) => call(channel, input, null),
    sessions: new SessionStore(15),
  };
}
