import { BackupRejectedError, goodBackups, restoreOverDamaged } from '../../../../db/data-layer';
import { contract, type Result } from '../../../../shared/contract';
import type { Backend } from '../../core/backend';
import { inputError } from '../../core/errors';
import { SessionStore } from '../../core/sessions';
import { publicInfo } from './service';

/**
 * The backend while the database file cannot be opened: it answers only the recovery channels,
 * and every other call with `database_damaged`, so the console shows a recovery screen, not a crash.
 */
export function createRecoveryBackend(
  dataDir: string,
  problem: string,
  onRestored: () => Promise<void>,
): Backend {
  const damaged: Result<never> = {
    ok: false,
    error: { code: 'database_damaged', message: problem, key: 'errors.database_damaged' },
  };
  const call: Backend['call'] = async (channel, input) => {
    if (channel === 'backups.recovery.status') {
      const backups = goodBackups(dataDir).map(publicInfo);
      return { ok: true, value: { damaged: true, problem, backups } };
    }
    if (channel !== 'backups.recovery.restore') return damaged;
    const parsed = contract[channel].input.safeParse(input, { reportInput: true });
    if (!parsed.success) return { ok: false, error: inputError(channel, parsed.error) };
    try {
      restoreOverDamaged(dataDir, parsed.data.name);
      await onRestored();
      return { ok: true, value: {} };
    } catch (error) {
      const problems =
        error instanceof BackupRejectedError ? error.problems.join('; ') : String(error);
      return {
        ok: false,
        error: {
          code: 'conflict',
          message: problems,
          key: 'errors.backupRejected',
          params: { problems },
        },
      };
    }
  };
  return {
    call,
    callAs: (channel, input) => call(channel, input, null),
    sessions: new SessionStore(15),
  };
}
