import { z } from 'zod';
import { channel } from './channel';
import { empty } from './fields';
import { admins, everyone } from './roles';

export const backupName = z
  .string()
  .regex(/^console-\d{8}-\d{6}(\d{3})?-[a-z-]+\.sqlite$/, { error: 'validation.backupName' });

export const backupInfo = z.object({
  name: z.string(),
  takenAt: z.string(),
  reason: z.enum(['daily', 'manual', 'pre-migration', 'safety']),
  bytes: z.number().int(),
});
export type Backup = z.infer<typeof backupInfo>;

export const recoveryStatus = z.object({
  damaged: z.boolean(),
  problem: z.string().nullable(),
  /** Backups that pass the restore checks, newest first. */
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
  // While the database is damaged nobody can sign in, so recovery is open to whoever is at the desk:
  // it only offers this machine's own checked backups.
  'backups.recovery.status': channel({
    input: empty,
    output: recoveryStatus,
    roles: everyone,
    public: true,
    transaction: 'read',
  }),
  'backups.recovery.restore': channel({
    input: z.object({ name: backupName }),
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
