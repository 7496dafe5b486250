/**
 * Backups (备份与恢复): why each was taken, and what can go wrong with the second backup folder.
 * Named once here for the database layer, the contract and the screens.
 */
export const BACKUP_REASONS = [
  'daily',
  'manual',
  'pre-migration',
  'pre-close',
  /** Before a restore: the database as it was, kept in case the restore was the mistake. */
  'safety',
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Taken because a person or an operation asked: never thinned away by a later one of the same day. */
export const ASKED_FOR: readonly BackupReason[] = [
  'manual',
  'pre-migration',
  'pre-close',
  'safety',
];

/** Why a folder cannot be the second backup folder (a USB drive or a network share). */
export const MIRROR_FOLDER_PROBLEMS = [
  'notAbsolute',
  'missing',
  'notFolder',
  'notWritable',
  'insideData',
] as const;
export type MirrorFolderProblem = (typeof MIRROR_FOLDER_PROBLEMS)[number];

/** Why a backup's copy in the second folder failed. */
export const MIRROR_COPY_PROBLEMS = [
  'missing',
  'notFolder',
  'notWritable',
  'copyDiffers',
  'copyDamaged',
  'failed',
] as const;
export type MirrorCopyProblem = (typeof MIRROR_COPY_PROBLEMS)[number];
