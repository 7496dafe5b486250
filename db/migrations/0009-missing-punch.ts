import { sql, type Kysely } from 'kysely';
import type { Migration } from './index';

const STATUSES = `'present','late','early_leave','late_early','absent','leave','business_trip','rest_day_worked','missing_punch'`;
const RULES = `'late_count','absence','missing_punch_count'`;

/**
 * 缺卡: a record with one clock punch of two gets its own status, and the rules may propose a
 * penalty for K of them in a month. SQLite cannot widen a CHECK in place, so the records, the
 * proposals and their evidence are rebuilt with the same columns and rows; self-contained (the
 * tables as they stand at version 5), as a migration must be.
 */
export const missingPunch: Migration = {
  version: 9,
  name: 'missing punch',
  async up(db: Kysely<unknown>) {
    const tables = ['penalty_proposal_evidence', 'penalty_proposals', 'attendance_records'];
    // Keep the rows aside, drop the children first, so no foreign key is ever left dangling.
    for (const table of tables)
      await sql.raw(`create temp table keep_${table} as select * from ${table}`).execute(db);
    for (const table of tables) await sql.raw(`drop table ${table}`).execute(db);

    await sql
      .raw(
        `create table attendance_records (
          id integer primary key autoincrement,
          staff_id integer not null references staff(id),
          work_date text not null,
          shift_type_id integer references shift_types(id),
          planned_start text,
          planned_end text,
          clock_in text,
          clock_out text,
          mark text check (mark in ('absent','leave','business_trip')),
          leave_type_id integer references leave_types(id),
          status text not null check (status in (${STATUSES})),
          late_minutes integer default 0 not null,
          early_minutes integer default 0 not null,
          overtime_minutes integer default 0 not null,
          absence_days real default 0 not null,
          remark text,
          source text not null check (source in ('roll_call','import','correction','leave','swap')),
          recorded_by text not null,
          created_at text not null,
          updated_at text not null,
          constraint attendance_one_per_instance unique (staff_id, work_date),
          constraint attendance_leave_has_type check ((mark = 'leave') = (leave_type_id is not null))
        )`,
      )
      .execute(db);
    await sql`create index attendance_by_date on attendance_records (work_date, staff_id)`.execute(
      db,
    );
    await sql
      .raw(
        `create table penalty_proposals (
          id integer primary key autoincrement,
          staff_id integer not null references staff(id),
          month text not null,
          rule text not null check (rule in (${RULES})),
          rule_key text not null unique,
          state text not null check (state in ('proposed','withdrawn')),
          created_at text not null,
          updated_at text not null
        )`,
      )
      .execute(db);
    await sql`create table penalty_proposal_evidence (
        proposal_id integer not null references penalty_proposals(id) on delete cascade,
        attendance_id integer not null references attendance_records(id),
        constraint penalty_evidence_pk primary key (proposal_id, attendance_id)
      )`.execute(db);
    await sql`create index proposals_by_month on penalty_proposals (month, staff_id)`.execute(db);

    // Parents first on the way back; ids (and so the autoincrement sequence) are kept.
    // An empty table is not copied: the insert's foreign keys would want every parent table,
    // which a file that never held attendance need not have.
    for (const table of [...tables].reverse()) {
      const { rows } = await sql
        .raw<{ n: number }>(`select count(*) as n from keep_${table}`)
        .execute(db);
      if (Number(rows[0]?.n) > 0)
        await sql.raw(`insert into ${table} select * from keep_${table}`).execute(db);
      await sql.raw(`drop table keep_${table}`).execute(db);
    }
  },
};
