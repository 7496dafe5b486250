import { sql, type Kysely } from 'kysely';
import { appendSwitchOver } from '../queries/audit/trail';
import type { DB } from '../schema';
import type { Migration } from './index';

/**
 * The audit trail becomes keyed (HMAC with a key kept outside the database). A trail already
 * there keeps its SHA-256 links, verified as before, up to a switch-over entry written here; every
 * entry after it is keyed. An empty trail needs no marker: it is keyed from its first entry.
 */
export const auditKeyed: Migration = {
  version: 5,
  name: 'keyed audit trail',
  async up(db: Kysely<unknown>) {
    const { n } = (await sql<{ n: number }>`select count(*) as n from audit_log`.execute(db))
      .rows[0]!;
    if (Number(n) > 0)
      await appendSwitchOver(db as unknown as Kysely<DB>, new Date().toISOString(), Number(n));
  },
};
