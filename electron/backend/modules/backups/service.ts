import { failure, type Backup, type FolderStatus } from '../../../../shared/contract';
import { BackupRejectedError } from '../../../../db/data-layer';
import type { BackupInfo } from '../../../../db/backups';

/** A backup as the renderer sees it: no path on disk. */
export const publicInfo = ({ name, takenAt, reason, bytes }: BackupInfo): Backup => ({
  name,
  takenAt,
  reason,
  bytes,
});

/** A backup the restore checks refused, as the user's error: the problems named. */
export function rejected(error: BackupRejectedError) {
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
