import type { Kysely } from 'kysely';
import { failure, type appChannels } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/domain/time';
import { loadDemo } from '../../../../db/demo';
import { loadRewardsDemo } from '../../../../db/demo-rewards';
import { isOrganizationEmpty } from '../../../../db/queries/org/teams';
import { readSchemaVersion } from '../../../../db/sqlite';
import type { HandlersOf } from '../../core/context';

export const appHandlers: HandlersOf<typeof appChannels> = {
  'app.info': async (ctx) => ({
    version: ctx.info.version,
    dataDir: ctx.info.dataDir,
    schemaVersion: await readSchemaVersion(ctx.db as Kysely<unknown>),
    empty: await isOrganizationEmpty(ctx.db),
  }),

  /** Demo data only goes into an empty console: it must never mix with a center's real records. */
  'app.loadDemo': async (ctx) => {
    if (!(await isOrganizationEmpty(ctx.db))) {
      throw failure('conflict', 'demo data can only be loaded into an empty console', {
        key: 'errors.demoNotEmpty',
      });
    }
    const today = formatDate(new Date(ctx.now));
    const summary = {
      ...(await loadDemo(ctx.db, { today })),
      rewardsRecords: await loadRewardsDemo(ctx.db, { today }),
    };
    await ctx.audit({ action: 'import', entity: 'demo', after: summary });
    return summary;
  },
};
