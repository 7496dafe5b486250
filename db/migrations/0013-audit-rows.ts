import { sql, type Kysely } from 'kysely';
import { appendOnly } from '../sqlite';
import type { Migration } from './index';

/**
 * A bulk action (a clock import, a roster import) is one audit entry; its per-row changes live
 * here, append-only like the entry, and the entry's keyed MAC covers a digest of them, so a row
 * edited, removed or slipped in shows when the chain is checked. Entries before this have no rows.
 */
export const auditRows: Migration = {
  version: 13,
  name: 'audit rows',
  async up(db: Kysely<unknown>) {
    await sql`
      create table audit_rows (
        entry_id integer not null references audit_log(id),
        row_index integer not null,
        entity text not null,
        entity_id text,
        change text not null,
        primary key (entry_id, row_index)
      )`.execute(db);
    // "This record's history" finds the bulk entries that touched it.
    await sql`create index audit_rows_by_entity on audit_rows (entity, entity_id)`.execute(db);
    for (const event of ['update', 'delete'] as const) {
      await appendOnly(db, {
        name: `audit_rows_no_${event}`,
        table: 'audit_rows',
        event,
        message: 'audit_rows is append-only',
      });
    }
  },
};
