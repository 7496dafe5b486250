import { resolve } from 'node:path';
import { failure, type backupsChannels } from '../../../../shared/contract';
import { BackupRejectedError } from '../../../../db/data-layer';
import { mirrorFolderProblem } from '../../../../db/backups';
import { preparedHandler, type HandlersOf } from '../../core/context';
import { mirrorRefused, noFolderProblem, publicInfo, rejected } from './service';

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
      const { restored, safetyCopy, previousHead } = await ctx.data.restore(name);
      // Recorded in the restored database: its own trail continues with the fact it was restored,
      // and with the head of the trail it replaced (kept whole in the safety copy).
      await ctx.audit({
        action: 'restore',
        entity: 'backup',
        entityId: name,
        after: { restored: name, safetyCopy: safetyCopy.name, previousHead },
      });
      return { restored: publicInfo(restored), safetyCopy: publicInfo(safetyCopy) };
    } catch (error) {
      if (error instanceof BackupRejectedError) throw rejected(error);
      throw error;
    }
  },

  'backups.settings': async (ctx) => ctx.data.mirror(),

  'backups.setMirror': preparedHandler({
    // The folder is looked at (and a probe file written) before the transaction.
    async prepare(ctx, { dir }) {
      if (dir === null) return null;
      const problem = await mirrorFolderProblem(dir, ctx.info.dataDir);
      if (problem) throw mirrorRefused(problem);
      return resolve(dir);
    },
    async run(ctx, _input, mirrorDir) {
      const before = (await ctx.data.mirror()).mirrorDir;
      await ctx.audit({
        action: 'update',
        entity: 'settings',
        entityId: 'backups.mirrorDir',
        before: { mirrorDir: before },
        after: { mirrorDir },
      });
      // Last: the audit entry is in the transaction, the setting beside the database.
      ctx.data.setMirror(mirrorDir);
      return ctx.data.mirror();
    },
  }),

  /** In a healthy console there is nothing to recover (see recovery.ts for a damaged one). */
  'backups.recovery.status': async () => ({ damaged: false, problem: null, backups: [] }),
  'backups.recovery.restore': async () => {
    throw failure('conflict', 'the database is not damaged', { key: 'errors.notDamaged' });
  },

  /** A console that opened can write its folder (see read-only.ts for one that cannot). */
  'backups.folder.status': async (ctx) => noFolderProblem(ctx.info.dataDir),
};
