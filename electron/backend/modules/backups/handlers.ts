import { failure, type backupsChannels } from '../../../../shared/contract';
import { BackupRejectedError } from '../../../../db/data-layer';
import type { HandlersOf } from '../../core/context';
import { noFolderProblem, publicInfo, rejected } from './service';

export const backupsHandlers: HandlersOf<typeof backupsChannels> = {
  'backups.list': async (ctx) => ctx.data.list().map(publicInfo),

  'backups.create': async (ctx) => {
    const info = publicInfo(await ctx.data.backup('manual'));
    await ctx.audit({ action: 'backup', entity: 'backup', entityId: info.name, after: info });
    return info;
  },

  /** Runs outside a transaction: it closes and reopens the database it would otherwise hold. */
  'backups.restore': async (ctx, { name }) => {
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
      if (error instanceof BackupRejectedError) throw rejected(error);
      throw error;
    }
  },

  /** In a healthy console there is nothing to recover (see recovery.ts for a damaged one). */
  'backups.recovery.status': async () => ({ damaged: false, problem: null, backups: [] }),
  'backups.recovery.restore': async () => {
    throw failure('conflict', 'the database is not damaged', { key: 'errors.notDamaged' });
  },

  /** A console that opened can write its folder (see read-only.ts for one that cannot). */
  'backups.folder.status': async (ctx) => noFolderProblem(ctx.info.dataDir),
};
