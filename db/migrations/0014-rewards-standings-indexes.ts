import { sql, type Kysely } from 'kysely';
import type { Migration } from './index';

/**
 * Indexes for everyone's standing on a day (`rewards.standings`): the ledger by person and day
 * with its points, so the balances are summed from the index alone (it replaces the index by
 * person and day, a prefix of it); and the records on the ladder by the day they fall off, so the
 * active warnings are the few not yet fallen off instead of every approved record.
 */
export const rewardsStandingsIndexes: Migration = {
  version: 14,
  name: 'rewards standings indexes',
  async up(db: Kysely<unknown>) {
    await sql`drop index rewards_ledger_by_staff`.execute(db);
    await sql`create index rewards_ledger_by_staff on rewards_ledger (staff_id, on_date, points)`.execute(
      db,
    );
    await sql`create index rewards_records_on_ladder on rewards_records (expires_on)
      where state in ('approved', 'revoked') and ladder_step <> 'none'`.execute(db);
  },
};
