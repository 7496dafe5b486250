import { sql, type Kysely } from 'kysely';
import { appendOnly } from '../sqlite';
import type { Migration } from './index';

/** Accounts, settings and the append-only, hash-chained audit trail. */
export const accountsAndAudit: Migration = {
  version: 2,
  name: 'accounts, settings and audit trail',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sql`role in ('supervisor','manager','hr','admin')`),
      )
      .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer')
      .addColumn('username', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audit_by_entity')
      .on('audit_log')
      .columns(['entity', 'entity_id'])
      .execute();
    await db.schema
      .createIndex('audit_by_user')
      .on('audit_log')
      .columns(['user_id', 'at'])
      .execute();
    await db.schema.createIndex('audit_by_time').on('audit_log').column('at').execute();

    // Append-only in the file itself, not just in our code: an edit must go around SQLite's
    // triggers to succeed, and then the hash chain shows it.
    for (const event of ['update', 'delete'] as const) {
      await appendOnly(db, {
        name: `audit_log_no_${event}`,
        table: 'audit_log',
        event,
        message: 'audit_log is append-only',
      });
    }
  },
};
