import { z } from 'zod';

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
