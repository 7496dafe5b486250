import { sql, type Kysely } from 'kysely';
import type { Migration } from './index';

const STATUSES = `'present','late','early_leave','late_early','absent','leave','business_trip','rest_day_worked'`;

/** Attendance: leave types, one record per staff per shift instance, swaps, month close, rule proposals. */
export const attendance: Migration = {
  version: 3,
  name: 'attendance',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('leave_types')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('paid', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    // One row per staff per shift instance (the instance's date is the day its shift starts).
    await db.schema
      .createTable('attendance_records')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('work_date', 'text', (c) => c.notNull())
      .addColumn('shift_type_id', 'integer', (c) => c.references('shift_types.id'))
      // The shift's times when recorded: a later edit of the shift type does not rewrite history.
      .addColumn('planned_start', 'text')
      .addColumn('planned_end', 'text')
      .addColumn('clock_in', 'text')
      .addColumn('clock_out', 'text')
      .addColumn('mark', 'text', (c) => c.check(sql`mark in ('absent','leave','business_trip')`))
      .addColumn('leave_type_id', 'integer', (c) => c.references('leave_types.id'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql.raw(`status in (${STATUSES})`)))
      .addColumn('late_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('early_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('overtime_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('absence_days', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('remark', 'text')
      .addColumn('source', 'text', (c) =>
        c.notNull().check(sql`source in ('roll_call','import','correction','leave','swap')`),
      )
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('attendance_one_per_instance', ['staff_id', 'work_date'])
      .addCheckConstraint(
        'attendance_leave_has_type',
        sql`(mark = 'leave') = (leave_type_id is not null)`,
      )
      .execute();
    // Month summaries read every record of a date range: date first, then the person.
    await db.schema
      .createIndex('attendance_by_date')
      .on('attendance_records')
      .columns(['work_date', 'staff_id'])
      .execute();

    await db.schema
      .createTable('shift_swaps')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('staff_a_id', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('staff_b_id', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('first_date', 'text', (c) => c.notNull())
      .addColumn('second_date', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('swaps_by_date').on('shift_swaps').column('first_date').execute();

    // A row per month that HR has closed; reopening deletes it (the audit trail keeps both acts).
    await db.schema
      .createTable('attendance_months')
      .addColumn('month', 'text', (c) => c.primaryKey())
      .addColumn('closed_at', 'text', (c) => c.notNull())
      .addColumn('closed_by', 'text', (c) => c.notNull())
      .execute();

    // Penalties the attendance rules propose; the rewards/penalties module approves them later.
    await db.schema
      .createTable('penalty_proposals')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull().check(sql`rule in ('late_count','absence')`))
      // 'late_count' once per person and month; 'absence' once per absent record.
      .addColumn('rule_key', 'text', (c) => c.notNull().unique())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('proposed','withdrawn')`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('penalty_proposal_evidence')
      .addColumn('proposal_id', 'integer', (c) =>
        c.notNull().references('penalty_proposals.id').onDelete('cascade'),
      )
      .addColumn('attendance_id', 'integer', (c) => c.notNull().references('attendance_records.id'))
      .addPrimaryKeyConstraint('penalty_evidence_pk', ['proposal_id', 'attendance_id'])
      .execute();
    await db.schema
      .createIndex('proposals_by_month')
      .on('penalty_proposals')
      .columns(['month', 'staff_id'])
      .execute();

    const stamp = new Date().toISOString();
    const defaults = [
      ['personal', '事假', 0],
      ['sick', '病假', 1],
      ['annual', '年假', 1],
      ['compensatory', '调休', 1],
      ['marriage', '婚假', 1],
      ['bereavement', '丧假', 1],
      ['maternity', '产假', 1],
      ['paternity', '陪产假', 1],
    ] as const;
    for (const [code, name, paid] of defaults) {
      await sql`insert into leave_types (code, name, paid, active, created_at, updated_at)
        values (${code}, ${name}, ${paid}, ${1}, ${stamp}, ${stamp})`.execute(db);
    }
  },
};
