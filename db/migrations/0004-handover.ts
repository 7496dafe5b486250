import { sql, type Kysely } from 'kysely';
import { appendOnly, createFullTextIndex, lockedWhen } from '../sqlite';
import type { Migration } from './index';

/** Shift handovers, their pending items (carried across shifts with a history), addenda and search. */
export const handover: Migration = {
  version: 4,
  name: 'shift handover',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('handovers')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('work_date', 'text', (c) => c.notNull())
      .addColumn('shift_type_id', 'integer', (c) => c.notNull().references('shift_types.id'))
      .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
      // 0 for the whole floor: SQLite's unique constraint treats NULLs as all different.
      .addColumn('team_key', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c.notNull().check(sql`state in ('draft','submitted','disputed','acknowledged')`),
      )
      .addColumn('outgoing_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('outgoing_name', 'text', (c) => c.notNull())
      .addColumn('incoming_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('incoming_name', 'text')
      .addColumn('staffing_remark', 'text')
      .addColumn('seats_status', 'text')
      .addColumn('calls_offered', 'integer')
      .addColumn('calls_answered', 'integer')
      .addColumn('calls_abandoned', 'integer')
      .addColumn('service_level', 'real')
      .addColumn('aht_seconds', 'integer')
      .addColumn('notices', 'text')
      .addColumn('escalations', 'text')
      .addColumn('remarks', 'text')
      .addColumn('dispute_remark', 'text')
      .addColumn('submitted_at', 'text')
      .addColumn('acknowledged_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('handover_one_per_instance', ['work_date', 'shift_type_id', 'team_key'])
      .execute();
    await db.schema
      .createIndex('handovers_by_state')
      .on('handovers')
      .columns(['state', 'work_date'])
      .execute();
    // Locked means locked: no statement can change an acknowledged handover, whatever the caller.
    await lockedWhen(db, {
      name: 'handovers_locked',
      table: 'handovers',
      event: 'update',
      when: "old.state = 'acknowledged'",
      message: 'handover is acknowledged and locked',
    });
    await appendOnly(db, {
      name: 'handovers_no_delete',
      table: 'handovers',
      event: 'delete',
      message: 'handovers are never deleted',
    });

    await db.schema
      .createTable('handover_items')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('reference', 'text')
      .addColumn('priority', 'text', (c) =>
        c.notNull().check(sql`priority in ('urgent','high','normal','low')`),
      )
      .addColumn('due_at', 'text')
      .addColumn('owner', 'text')
      // The team (0: the whole floor) whose handovers carry it, like handovers.team_key.
      .addColumn('team_key', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('open','in_progress','resolved')`),
      )
      .addColumn('resolution', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .addCheckConstraint('resolved_has_note', sql`status <> 'resolved' or resolution is not null`)
      .execute();
    await db.schema
      .createIndex('items_by_status')
      .on('handover_items')
      .columns(['status', 'team_key'])
      .execute();

    // Which handovers an item appears in; `snapshot` is the item as the incoming lead acknowledged it.
    await db.schema
      .createTable('handover_item_links')
      .addColumn('handover_id', 'integer', (c) => c.notNull().references('handovers.id'))
      .addColumn('item_id', 'integer', (c) => c.notNull().references('handover_items.id'))
      .addColumn('carried', 'integer', (c) => c.notNull())
      .addColumn('snapshot', 'text')
      .addPrimaryKeyConstraint('handover_item_links_pk', ['handover_id', 'item_id'])
      .execute();
    await db.schema
      .createIndex('links_by_item')
      .on('handover_item_links')
      .column('item_id')
      .execute();
    // An acknowledged sheet keeps its items as they were taken over, whatever the caller.
    for (const [event, row] of [
      ['insert', 'new'],
      ['update', 'old'],
      ['delete', 'old'],
    ] as const) {
      await lockedWhen(db, {
        name: `handover_item_links_locked_${event}`,
        table: 'handover_item_links',
        event,
        when: `(select state from handovers where id = ${row}.handover_id) = 'acknowledged'`,
        message: 'handover is acknowledged and locked',
      });
    }

    await db.schema
      .createTable('handover_item_events')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('item_id', 'integer', (c) => c.notNull().references('handover_items.id'))
      .addColumn('handover_id', 'integer', (c) => c.references('handovers.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) =>
        c.notNull().check(sql`action in ('created','updated','carried','resolved','reopened')`),
      )
      .addColumn('changes', 'text')
      .execute();
    await db.schema
      .createIndex('events_by_item')
      .on('handover_item_events')
      .column('item_id')
      .execute();

    await db.schema
      .createTable('handover_addenda')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('handover_id', 'integer', (c) => c.notNull().references('handovers.id'))
      .addColumn('author_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .execute();
    await appendOnly(db, {
      name: 'addenda_append_only',
      table: 'handover_addenda',
      event: 'update',
      message: 'addenda are append-only',
    });

    // Full-text search over handovers, their items and addenda; text is CJK-spaced (ftsText).
    // rowid = the handover's id, so replacing one handover's text touches one row.
    await createFullTextIndex(db, 'handover_search');
  },
};
