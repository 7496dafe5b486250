import { BackupRejectedError } from '../../../db/data-layer';
import { failure } from '../../../shared/contract';
import type { Handler } from '../context';

const publicInfo = ({
  name,
  takenAt,
  reason,
  bytes,
}: {
  name: string;
  takenAt: string;
  reason: 'daily' | 'manual' | 'pre-migration' | 'safety';
  bytes: number;
}) => ({
  name,
  takenAt,
  reason,
  bytes,
});

export const backupsList: Handler<'backups.list'> = async (ctx) => ctx.data.list().map(publicInfo);

export const backupsCreate: Handler<'backups.create'> = async (ctx) => {
  const info = publicInfo(await ctx.data.backup('manual'));
  await ctx.audit({ action: 'backup', entity: 'backup', entityId: info.name, after: info });
  return info;
};

/** Runs outside a transaction: it closes and reopens the database it would otherwise hold. */
export const backupsRestore: Handler<'backups.restore'> = async (ctx, { name }) => {
  try {
    const { restored, safetyCopy } = await ctx.data.restore(name);
    // Recorded in the restored database: its own trail continues with the fact it was restored.
    await ctx.audit({
      action: 'restore',
      entity: 'backup',
      entityId: name,
      after: { restored: name, safetyCopy: safetyCopy.name },
    });
    return { restored: publicInfo(restored), safetyCopy: publicInfo(safetyCopy) };
  } catch (error) {
    if (error instanceof BackupRejectedError) {
      throw failure('conflict', error.message, {
        field: 'name',
        key: 'errors.backupRejected',
        params: { problems: error.problems.join('; ') },
      });
    }
    throw error;
  }
};

/** In a healthy console there is nothing to recover. */
export const recoveryStatus: Handler<'backups.recovery.status'> = async () => ({
  damaged: false,
  problem: null,
  backups: [],
});
export const recoveryRestore: Handler<'backups.recovery.restore'> = async () => {
  throw failure('conflict', 'the database is not damaged', { key: 'errors.notDamaged' });
};
