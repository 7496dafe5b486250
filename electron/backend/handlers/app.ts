import { sql, type Kysely } from 'kysely';
import { failure } from '../../../shared/contract';
import { formatDate } from '../../../shared/domain/time';
import { loadDemo } from '../../../db/demo';
import { readSchemaVersion } from '../../../db/sqlite';
import type { Handler, HandlerContext } from '../context';

async function isEmpty(ctx: HandlerContext) {
  const row = await sql<{
    n: number;
  }>`select (select count(*) from teams) + (select count(*) from staff) as n`.execute(ctx.db);
  return Number(row.rows[0]?.n ?? 0) === 0;
}

export const appInfo: Handler<'app.info'> = async (ctx) => {
  return {
    version: ctx.info.version,
    dataDir: ctx.info.dataDir,
    schemaVersion: await readSchemaVersion(ctx.db as Kysely<unknown>),
    empty: await isEmpty(ctx),
  };
};

/** Demo data only goes into an empty console: it must never mix with a center's real records. */
export const demoLoad: Handler<'app.loadDemo'> = async (ctx) => {
  if (!(await isEmpty(ctx))) {
    throw failure('conflict', 'demo data can only be loaded into an empty console', {
      key: 'errors.demoNotEmpty',
    });
  }
  const summary = await loadDemo(ctx.db, { today: formatDate(new Date()) });
  await ctx.audit({ action: 'import', entity: 'demo', after: summary });
  return summary;
};
