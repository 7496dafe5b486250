import { z } from 'zod';
import { BACKUP_REASONS, MIRROR_COPY_PROBLEMS } from '../domain/backups';
import { channel } from './channel';
import { empty } from './fields';
import { admins, everyone } from './roles';

export const backupName = z
  .string()
  .regex(/^console-\d{8}-\d{6}(\d{3})?-[a-z-]+\.sqlite$/, { error: 'validation.backupName' });

export const backupInfo = z.object({
  name: z.string(),
  takenAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  bytes: z.number().int(),
  /** Its copy in the second backup folder, checked; null when no second folder was set. */
  mirror: z
    .object({ ok: z.boolean(), problem: z.enum(MIRROR_COPY_PROBLEMS).nullable() })
    .nullable(),
});
export type Backup = z.infer<typeof backupInfo>;

export const backupSettings = z.object({
  /** The second backup folder (a USB drive, a network share); null when none is set. */
  mirrorDir: z.string().nullable(),
  /** Whether it is there now; null when none is set. */
  reachable: z.boolean().nullable(),
});

export const recoveryStatus = z.object({
  damaged: z.boolean(),
  problem: z.string().nullable(),
  /** Backups that pass the restore checks and have an administrator, newest first. */
  backups: z.array(backupInfo),
});

/** What keeps the console from writing its data folder, with what the user needs to fix it. */
export const folderStatus = z.object({
  /** null: nothing; the console works. */
  problem: z.enum(['read_only']).nullable(),
  folder: z.string(),
  /** The folder or file that refused a write, and the system's code for it (EACCES, EPERM, EROFS). */
  path: z.string().nullable(),
  reason: z.string().nullable(),
  /** The backups in the folder, newest first, when its backups folder can be read. */
  backups: z.array(backupInfo),
  backupsReadable: z.boolean(),
});
export type FolderStatus = z.infer<typeof folderStatus>;

/** Backups and restore; recovery, when the database file is damaged. */
export const backupsChannels = {
  'backups.list': channel({
    input: empty,
    output: z.array(backupInfo),
    roles: admins,
    transaction: 'read',
  }),
  /** A file copy through a second connection; its audit entry is written after it, on its own. */
  'backups.create': channel({
    input: empty,
    output: backupInfo,
    roles: admins,
    transaction: 'none',
  }),
  /** Closes and reopens the database it would otherwise hold a transaction on. */
  'backups.restore': channel({
    input: z.object({ name: backupName }),
    output: z.object({ restored: backupInfo, safetyCopy: backupInfo }),
    roles: admins,
    transaction: 'none',
  }),
  'backups.settings': channel({
    input: empty,
    output: backupSettings,
    roles: admins,
    transaction: 'read',
  }),
  /** The folder is checked before the transaction: there, a folder, writable, outside the data folder. */
  'backups.setMirror': channel({
    input: z.object({
      dir: z
        .string()
        .trim()
        .min(1)
        .max(1000)
        // A path never holds control characters (NUL would cut it short in the file system).
        .refine((dir) => !/\p{Cc}/u.test(dir), { error: 'validation.invalid_format' })
        .nullable(),
    }),
    output: backupSettings,
    roles: admins,
    transaction: 'write',
  }),
  // While the database is damaged nobody can sign in, so recovery is open to whoever is at the desk:
  // it offers this machine's own checked backups that have an administrator, and restores one only
  // with that administrator's username and password as the backup holds them.
  'backups.recovery.status': channel({
    input: empty,
    output: recoveryStatus,
    roles: everyone,
    public: true,
    transaction: 'read',
  }),
  'backups.recovery.restore': channel({
    input: z.object({
      name: backupName,
      username: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(200),
    }),
    output: z.object({}),
    roles: everyone,
    public: true,
    transaction: 'none',
  }),
  // A folder that refuses writes keeps everyone from signing in, like a damaged file: open to the
  // desk. Asked again, it checks again, and the console opens once the folder can be written.
  'backups.folder.status': channel({
    input: empty,
    output: folderStatus,
    roles: everyone,
    public: true,
    transaction: 'none',
  }),
} as const;
