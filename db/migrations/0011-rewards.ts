import { sql, type Kysely } from 'kysely';
import { appendOnly, lockedWhen } from '../sqlite';
import type { Migration } from './index';

/**
 * Rewards and penalties (奖惩): the catalog (types, reasons), records with their approvals and
 * evidence, and the points ledger. Self-contained, as a migration must be: the default catalog is
 * written out here, not read from the code that may change later.
 */
const TYPES: [string, string, string, string, number, number, number, string][] = [
  ['commendation', 'reward', '通报表扬', 'Public commendation', 2, 0, 12, 'none'],
  ['bonus', 'reward', '奖金', 'Bonus', 2, 20000, 12, 'none'],
  ['service_star', 'reward', '服务之星', 'Service star', 5, 50000, 12, 'none'],
  ['full_attendance', 'reward', '全勤奖', 'Full attendance award', 1, 10000, 12, 'none'],
  ['verbal_warning', 'penalty', '口头警告', 'Verbal warning', -1, 0, 3, 'verbal'],
  ['written_warning', 'penalty', '书面警告', 'Written warning', -3, 0, 6, 'written'],
  ['public_criticism', 'penalty', '通报批评', 'Public criticism', -2, 0, 12, 'none'],
  ['final_warning', 'penalty', '最后警告', 'Final warning', -5, 0, 12, 'final'],
  ['deduction', 'penalty', '扣款', 'Pay deduction', 0, 5000, 12, 'none'],
  ['demotion', 'penalty', '降级', 'Demotion', -5, 0, 12, 'none'],
  ['dismissal_proposal', 'penalty', '辞退建议', 'Dismissal proposal', -10, 0, 12, 'dismissal'],
];
const REASONS: [string, string, string, string, number][] = [
  ['late', '迟到', 'Late arrival', 'verbal_warning', 0],
  ['early_leave', '早退', 'Early leave', 'verbal_warning', 0],
  ['absence', '旷工', 'Absence without leave', 'written_warning', 0],
  ['missing_punch', '缺卡', 'Missing clock punch', 'verbal_warning', 0],
  ['forbidden_words', '服务禁语', 'Forbidden service words', 'written_warning', 0],
  ['valid_complaint', '有效投诉', 'Valid customer complaint', 'written_warning', 0],
  ['qa_failed', '质检不合格', 'Failed quality check', 'verbal_warning', 0],
  ['handover_breach', '违反交接班制度', 'Breach of the handover rules', 'verbal_warning', 0],
  ['praise_letter', '表扬信', 'Letter of praise', 'commendation', 0],
  ['zero_complaints', '零投诉', 'Zero complaints', 'commendation', 0],
  ['argued_with_customer', '与客户发生争执', 'Arguing with a customer', 'final_warning', 1],
  ['ignored_customer', '对客户需求置之不理', "Ignoring a customer's request", 'final_warning', 1],
  ['missed_appointment', '无故失约', 'Missing an appointment without cause', 'final_warning', 1],
  [
    'leaked_customer_info',
    '未经许可传播客户信息',
    'Leaking customer information',
    'final_warning',
    1,
  ],
  ['accepted_gift', '接受客户馈赠', 'Accepting a gift from a customer', 'final_warning', 1],
];

const STEPS = `'none','verbal','written','final','dismissal'`;
/** What a decided record keeps as it was: everything but its state and the revocation's fields. */
const SUBSTANCE = [
  'staff_id',
  'event_date',
  'reason_id',
  'type_id',
  'red_line',
  'description',
  'points',
  'amount_fen',
  'external_ref',
  'agent_explanation',
  'context',
  'ladder_step',
  'validity_months',
  'expires_on',
  'source',
  'attendance_proposal_id',
  'proposed_by_user_id',
  'proposed_by',
  'created_at',
  'decided_at',
  'decided_by',
];
const closedMonth = (row: 'new' | 'old') =>
  `exists (select 1 from attendance_months where month = substr(${row}.event_date, 1, 7))`;
const recordState = (row: string) =>
  `(select state from rewards_records where id = ${row}.record_id)`;

export const rewards: Migration = {
  version: 11,
  name: 'rewards',
  async up(db: Kysely<unknown>) {
    const run = (text: string) => sql.raw(text).execute(db);
    await run(`create table rewards_types (
      id integer primary key autoincrement,
      code text not null unique,
      kind text not null check (kind in ('reward','penalty')),
      name_zh text not null,
      name_en text not null,
      default_points integer not null,
      default_amount_fen integer not null check (default_amount_fen >= 0),
      validity_months integer not null default 12 check (validity_months between 1 and 120),
      ladder_step text not null default 'none' check (ladder_step in (${STEPS})),
      published_on text,
      active integer not null default 1,
      created_at text not null,
      updated_at text not null,
      check ((kind = 'reward' and default_points >= 0) or (kind = 'penalty' and default_points <= 0))
    )`);
    await run(`create table rewards_reasons (
      id integer primary key autoincrement,
      code text not null unique,
      name_zh text not null,
      name_en text not null,
      default_type_id integer not null references rewards_types(id),
      red_line integer not null default 0,
      active integer not null default 1,
      created_at text not null,
      updated_at text not null
    )`);
    // A record keeps what its type said when it was proposed (step, months): a later catalog edit
    // does not rewrite it. expires_on is set when it is approved.
    await run(`create table rewards_records (
      id integer primary key autoincrement,
      staff_id integer not null references staff(id),
      event_date text not null,
      reason_id integer not null references rewards_reasons(id),
      type_id integer not null references rewards_types(id),
      red_line integer not null default 0,
      description text not null,
      points integer not null,
      amount_fen integer not null default 0 check (amount_fen between 0 and 1000000000),
      external_ref text,
      agent_explanation text,
      context text,
      ladder_step text not null check (ladder_step in (${STEPS})),
      validity_months integer not null,
      expires_on text,
      state text not null check (state in ('proposed','approved','rejected','revoked')),
      source text not null check (source in ('manual','attendance')),
      attendance_proposal_id integer unique references penalty_proposals(id),
      proposed_by_user_id integer references users(id),
      proposed_by text not null,
      decided_at text,
      decided_by text,
      decision_reason text,
      revoked_at text,
      revoked_by text,
      revoke_reason text,
      created_at text not null,
      updated_at text not null,
      check (state not in ('approved','revoked') or expires_on is not null),
      check (state <> 'revoked' or (revoked_at is not null and revoke_reason is not null))
    )`);
    await run(`create index rewards_records_by_staff on rewards_records (staff_id, event_date)`);
    await run(`create index rewards_records_by_state on rewards_records (state, event_date)`);
    // One decision per person per record: a red line's two approvals are two people.
    await run(`create table rewards_approvals (
      id integer primary key autoincrement,
      record_id integer not null references rewards_records(id),
      approver_user_id integer references users(id),
      approver text not null,
      approver_role text not null,
      decision text not null check (decision in ('approve','reject')),
      reason text,
      points integer,
      amount_fen integer,
      at text not null,
      unique (record_id, approver_user_id)
    )`);
    // Evidence in any module, one generic link: an attendance record, a handover item, …
    await run(`create table rewards_evidence (
      record_id integer not null references rewards_records(id),
      entity text not null,
      entity_id integer not null,
      primary key (record_id, entity, entity_id)
    )`);
    await run(`create table rewards_ledger (
      id integer primary key autoincrement,
      record_id integer not null references rewards_records(id),
      staff_id integer not null references staff(id),
      kind text not null check (kind in ('grant','expire','revoke')),
      on_date text not null,
      points integer not null,
      created_at text not null,
      unique (record_id, kind)
    )`);
    await run(`create index rewards_ledger_by_staff on rewards_ledger (staff_id, on_date)`);

    // Decided is decided: a rejected or revoked record never changes; an approved one only becomes
    // revoked, with its substance as it was; no record is ever deleted.
    const unchanged = SUBSTANCE.map((c) => `new.${c} is old.${c}`).join(' and ');
    await lockedWhen(db, {
      name: 'rewards_records_final',
      table: 'rewards_records',
      event: 'update',
      when: `old.state in ('rejected','revoked')`,
      message: 'rewards_records: the record is decided and locked',
    });
    await lockedWhen(db, {
      name: 'rewards_records_approved',
      table: 'rewards_records',
      event: 'update',
      when: `old.state = 'approved' and not (new.state = 'revoked' and ${unchanged})`,
      message: 'rewards_records: the record is approved and locked',
    });
    await appendOnly(db, {
      name: 'rewards_records_no_delete',
      table: 'rewards_records',
      event: 'delete',
      message: 'rewards_records: records are never deleted',
    });
    // 奖惩 closes with the attendance month: a closed month's records take no change.
    const monthClosed = 'rewards_records: the month is closed';
    await lockedWhen(db, {
      name: 'rewards_records_closed_insert',
      table: 'rewards_records',
      event: 'insert',
      when: closedMonth('new'),
      message: monthClosed,
    });
    await lockedWhen(db, {
      name: 'rewards_records_closed_update',
      table: 'rewards_records',
      event: 'update',
      when: `${closedMonth('old')} or ${closedMonth('new')}`,
      message: monthClosed,
    });
    for (const table of ['rewards_ledger', 'rewards_approvals']) {
      for (const event of ['update', 'delete'] as const)
        await appendOnly(db, {
          name: `${table}_no_${event}`,
          table,
          event,
          message: `${table}: append-only`,
        });
    }
    await lockedWhen(db, {
      name: 'rewards_ledger_decided_only',
      table: 'rewards_ledger',
      event: 'insert',
      when: `${recordState('new')} not in ('approved','revoked')`,
      message: 'rewards_ledger: only an approved record moves points',
    });
    await lockedWhen(db, {
      name: 'rewards_approvals_proposed_only',
      table: 'rewards_approvals',
      event: 'insert',
      when: `${recordState('new')} <> 'proposed'`,
      message: 'rewards_approvals: the record is already decided',
    });
    for (const [event, row] of [
      ['insert', 'new'],
      ['delete', 'old'],
    ] as const)
      await lockedWhen(db, {
        name: `rewards_evidence_${event}`,
        table: 'rewards_evidence',
        event,
        when: `${recordState(row)} <> 'proposed'`,
        message: 'rewards_evidence: the record is decided and locked',
      });
    await appendOnly(db, {
      name: 'rewards_evidence_no_update',
      table: 'rewards_evidence',
      event: 'update',
      message: 'rewards_evidence: links are added or removed, never changed',
    });
    // The catalog is deactivated, never deleted: records point at it.
    for (const table of ['rewards_types', 'rewards_reasons'])
      await appendOnly(db, {
        name: `${table}_no_delete`,
        table,
        event: 'delete',
        message: `${table}: deactivate instead of deleting`,
      });

    const stamp = new Date().toISOString();
    for (const [code, kind, zh, en, points, fen, months, step] of TYPES)
      await sql`insert into rewards_types (code, kind, name_zh, name_en, default_points,
          default_amount_fen, validity_months, ladder_step, active, created_at, updated_at)
        values (${code}, ${kind}, ${zh}, ${en}, ${points}, ${fen}, ${months}, ${step}, 1,
          ${stamp}, ${stamp})`.execute(db);
    for (const [code, zh, en, type, redLine] of REASONS)
      await sql`insert into rewards_reasons (code, name_zh, name_en, default_type_id, red_line,
          active, created_at, updated_at)
        values (${code}, ${zh}, ${en}, (select id from rewards_types where code = ${type}),
          ${redLine}, 1, ${stamp}, ${stamp})`.execute(db);
  },
};
