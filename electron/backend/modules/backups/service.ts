import { failure, type Backup, type FolderStatus } from '../../../../shared/contract';
import type { MirrorFolderProblem } from '../../../../shared/domain/backups';
import { BackupRejectedError, BackupWithoutAdminError } from '../../../../db/data-layer';
import type { BackupInfo } from '../../../../db/backups';
import { fieldFailure } from '../../core/errors';

/** A backup as the renderer sees it: no path on disk; its second copy's check, if any. */
export const publicInfo = ({ name, takenAt, reason, bytes, manifest }: BackupInfo): Backup => ({
  name,
  takenAt,
  reason,
  bytes,
  mirror: manifest?.mirror ? { ok: manifest.mirror.ok, problem: manifest.mirror.problem } : null,
});

/** A backup the restore checks refused, as the user's error: the problems named. */
export function rejected(error: BackupRejectedError) {
  if (error instanceof BackupWithoutAdminError)
    return fieldFailure('name', 'errors.backupWithoutAdmin');
  return failure('conflict', error.message, {
    field: 'name',
    key: 'errors.backupRejected',
    params: { problems: error.problems.join('; ') },
  });
}

/** The folder status of a console that can write its folder. */
export const noFolderProblem = (folder: string): FolderStatus => ({
  problem: null,
  folder,
  path: null,
  reason: null,
  backups: [],
  backupsReadable: true,
});
const MIRROR_REFUSED: Record<MirrorFolderProblem, string> = {
  notAbsolute: 'errors.mirrorNotAbsolute',
  missing: 'errors.mirrorMissing',
  notFolder: 'errors.mirrorNotFolder',
  notWritable: 'errors.mirrorNotWritable',
  insideData: 'errors.mirrorInsideData',
};

/** Why a folder cannot be the second backup folder, next to the folder's field. */
export const mirrorRefused = (problem: MirrorFolderProblem) =>
  fieldFailure('dir', MIRROR_REFUSED[problem]);
