import { sql, type Kysely } from 'kysely';
import { lockedWhen } from '../sqlite';
import type { Migration } from './index';

/**
 * A closed month (月结) is locked in the file itself, not only by the backend: its attendance
 * records and schedule cannot be inserted, changed or deleted while its row is in
 * `attendance_months` (reopening deletes that row first). Corrections after a close are made by
 * reopening, as the backend already requires.
 */
const closed = (row: 'new' | 'old') =>
  `exists (select 1 from attendance_months where month = substr(${row}.work_date, 1, 7))`;

export const closedMonthsLocked: Migration = {
  version: 10,
  name: 'closed months locked',
  async up(db: Kysely<unknown>) {
    // A stripped-down file (tests of older versions) may lack a table: lock the ones it has.
    const present = new Set(
      (
        await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      ).rows.map((r) => r.name),
    );
    for (const table of ['attendance_records', 'schedule_entries'].filter((t) => present.has(t))) {
      const message = `${table}: the month is closed`;
      await lockedWhen(db, {
        name: `${table}_closed_insert`,
        table,
        event: 'insert',
        when: closed('new'),
        message,
      });
      await lockedWhen(db, {
        name: `${table}_closed_update`,
        table,
        event: 'update',
        when: `${closed('old')} or ${closed('new')}`,
        message,
      });
      await lockedWhen(db, {
        name: `${table}_closed_delete`,
        table,
        event: 'delete',
        when: closed('old'),
        message,
      });
    }
  },
};
