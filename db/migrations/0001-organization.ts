import { sql, type Kysely } from 'kysely';
import type { Migration } from './index';

const now = () => new Date().toISOString();

export const organization: Migration = {
  version: 1,
  name: 'organization and schedule',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('teams')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('description', 'text')
      .addColumn('lead_staff_id', 'integer', (c) => c.references('staff.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('staff')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('employee_no', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
      .addColumn('position', 'text', (c) =>
        c.notNull().check(sql`position in ('agent','team_lead','supervisor','qa','trainer')`),
      )
      .addColumn('seat', 'text')
      .addColumn('extension', 'text')
      .addColumn('phone', 'text')
      .addColumn('hire_date', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('active','on_leave','left')`),
      )
      .addColumn('left_on', 'text')
      .addColumn('left_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addCheckConstraint('left_has_date', sql`(status = 'left') = (left_on is not null)`)
      .execute();
    await db.schema.createIndex('staff_team').on('staff').columns(['team_id', 'status']).execute();
    await db.schema.createIndex('staff_name').on('staff').column('name').execute();

    await db.schema
      .createTable('shift_types')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('start_time', 'text', (c) => c.notNull())
      .addColumn('end_time', 'text', (c) => c.notNull())
      .addColumn('break_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('late_grace_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('early_leave_grace_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('color', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('schedule_entries')
      .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('work_date', 'text', (c) => c.notNull())
      .addColumn('shift_type_id', 'integer', (c) => c.references('shift_types.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('schedule_entries_pk', ['staff_id', 'work_date'])
      .execute();
    await db.schema
      .createIndex('schedule_by_date')
      .on('schedule_entries')
      .columns(['work_date', 'shift_type_id'])
      .execute();

    // The default shifts of PRODUCT.md, so a new console can schedule at once.
    const stamp = now();
    const defaults = [
      ['E', '早班', '08:00', '16:00', '#52c41a'],
      ['M', '中班', '16:00', '24:00', '#1677ff'],
      ['N', '夜班', '00:00', '08:00', '#722ed1'],
    ] as const;
    for (const [code, name, start, end, color] of defaults) {
      await sql`insert into shift_types (code, name, start_time, end_time, break_minutes, late_grace_minutes, early_leave_grace_minutes, color, active, created_at, updated_at)
        values (${code}, ${name}, ${start}, ${end}, ${60}, ${5}, ${5}, ${color}, ${1}, ${stamp}, ${stamp})`.execute(
        db,
      );
    }
  },
};
