import { join } from 'node:path';
import { listBackups } from '../../../../db/backups';
import type { FolderReadOnlyError } from '../../../../db/data-layer';
import type { Result } from '../../../../shared/contract';
import type { Backend } from '../../core/backend';
import { SessionStore } from '../../core/sessions';
import { noFolderProblem, publicInfo } from './service';

/**
 * The backend while the data folder refuses writes: it answers `backups.folder.status` with the
 * folder, what refused and why, and the backups there (when they can be read), and every other
 * call with `read_only`, so the console shows what is wrong with the folder, never "damaged".
 * Asked again, it checks the folder again; once it can be written, the console opens normally.
 */
export function createReadOnlyBackend(
  failure: FolderReadOnlyError,
  /** Opens the folder again: null once it opened (the console then answers normally), else why not. */
  reopen: () => Promise<FolderReadOnlyError | null>,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): Backend {
  let current = failure;
  log(`the data folder refuses writes (${failure.refusal.code}: ${failure.refusal.path})`, failure);
  const refused = (): Result<never> => ({
    ok: false,
    error: {
      code: 'read_only',
      message: current.message,
      key: 'errors.read_only',
      params: { folder: current.dataDir },
    },
  });
  const backupsThere = () => {
    try {
      return {
        backups: listBackups(join(current.dataDir, 'backups')).map(publicInfo),
        readable: true,
      };
    } catch {
      return { backups: [], readable: false };
    }
  };
  const call: Backend['call'] = async (channel) => {
    if (channel !== 'backups.folder.status') return refused();
    const still = await reopen();
    if (!still) return { ok: true, value: noFolderProblem(current.dataDir) };
    current = still;
    const { backups, readable } = backupsThere();
    return {
      ok: true,
      value: {
        problem: 'read_only',
        folder: current.dataDir,
        path: current.refusal.path,
        reason: current.refusal.code,
        backups,
        backupsReadable: readable,
      },
    };
  };
  return {
    call,
    callAs: (channel, input) => call(channel, input, null),
    sessions: new SessionStore(15),
  };
}
