import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../db/store';

/**
 * Migration 0011 in the file itself: the default catalog on a new console, and triggers that keep
 * decided records, approvals and the ledger as they were written, whatever writes to the file.
 */
let dir: string;
let store: Store;
const NOW = '2026-11-16T08:00:00.000Z';
const run = (statement: string) => () => store.sqlite.exec(statement);
const one = (query: string) => store.sqlite.prepare(query).get() as Record<string, unknown>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-rewards-'));
  store = await openStore(join(dir, 'console.sqlite'));
  store.sqlite
    .exec(`insert into teams (id, name, created_at, updated_at) values (1, '一组', '${NOW}', '${NOW}');
    insert into staff (id, employee_no, name, team_id, position, status, created_at, updated_at)
      values (7, 'KF7', '王芳', 1, 'agent', 'active', '${NOW}', '${NOW}');`);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A proposed record of 王芳's, dated `date`, for the 'late' reason's verbal warning. */
function propose(id: number, date = '2026-11-10') {
  store.sqlite
    .exec(`insert into rewards_records (id, staff_id, event_date, reason_id, type_id, description,
      points, amount_fen, ladder_step, validity_months, state, source, proposed_by, created_at, updated_at)
    values (${id}, 7, '${date}', (select id from rewards_reasons where code = 'late'),
      (select id from rewards_types where code = 'verbal_warning'), '迟到 20 分钟', -1, 0, 'verbal', 3,
      'proposed', 'manual', '班长', '${NOW}', '${NOW}')`);
}
const approve = (id: number) =>
  run(`update rewards_records set state = 'approved', expires_on = '2027-02-10', decided_at = '${NOW}',
    decided_by = '经理' where id = ${id}`)();
const grant = (id: number) =>
  run(`insert into rewards_ledger (record_id, staff_id, kind, on_date, points, created_at)
    values (${id}, 7, 'grant', '2026-11-10', -1, '${NOW}')`)();

describe('the default catalog', () => {
  it('loads on a new console: the issue’s types and reasons in Chinese and English, the red lines flagged', () => {
    const types = store.sqlite
      .prepare('select name_zh, name_en, kind, default_points from rewards_types order by id')
      .all() as { name_zh: string; name_en: string; kind: string; default_points: number }[];
    expect(types.map((t) => t.name_zh)).toEqual([
      '通报表扬',
      '奖金',
      '服务之星',
      '全勤奖',
      '口头警告',
      '书面警告',
      '通报批评',
      '最后警告',
      '扣款',
      '降级',
      '辞退建议',
    ]);
    for (const t of types) {
      expect(t.name_en, t.name_zh).toMatch(/^[A-Z][a-z]/);
      expect(t.kind === 'reward' ? t.default_points >= 0 : t.default_points <= 0).toBe(true);
    }
    const reasons = store.sqlite
      .prepare(
        `select r.name_zh, r.name_en, r.red_line, t.ladder_step from rewards_reasons r
         join rewards_types t on t.id = r.default_type_id order by r.id`,
      )
      .all() as { name_zh: string; name_en: string; red_line: number; ladder_step: string }[];
    expect(reasons.map((r) => r.name_zh)).toEqual([
      '迟到',
      '早退',
      '旷工',
      '缺卡',
      '服务禁语',
      '有效投诉',
      '质检不合格',
      '违反交接班制度',
      '表扬信',
      '零投诉',
      '与客户发生争执',
      '对客户需求置之不理',
      '无故失约',
      '未经许可传播客户信息',
      '接受客户馈赠',
    ]);
    expect(reasons.filter((r) => r.red_line).map((r) => r.name_zh)).toEqual(
      reasons.slice(10).map((r) => r.name_zh),
    );
    // Nothing proposes dismissal by itself: no reason defaults to it.
    expect(reasons.map((r) => r.ladder_step)).not.toContain('dismissal');
    expect(one("select validity_months from rewards_types where code = 'bonus'")).toEqual({
      validity_months: 12,
    });
    expect(one("select default_amount_fen from rewards_types where code = 'bonus'")).toEqual({
      default_amount_fen: 20000,
    });
  });
});

describe('the triggers', () => {
  it('let a proposal change, then lock the approved record’s substance and refuse deletes', () => {
    propose(1);
    run("update rewards_records set points = -2, description = '迟到 40 分钟' where id = 1")();
    approve(1);
    const locked = /approved and locked/;
    expect(run('update rewards_records set points = -1 where id = 1')).toThrow(locked);
    expect(run("update rewards_records set description = '改' where id = 1")).toThrow(locked);
    expect(run("update rewards_records set state = 'proposed' where id = 1")).toThrow(locked);
    expect(run("update rewards_records set expires_on = '2030-01-01' where id = 1")).toThrow(
      locked,
    );
    expect(run('delete from rewards_records where id = 1')).toThrow(/never deleted/);
    // Revoking is the one change, and keeps the substance.
    expect(
      run(`update rewards_records set state = 'revoked', points = 0, revoked_at = '${NOW}',
        revoked_by = '经理', revoke_reason = '误判' where id = 1`),
    ).toThrow(locked);
    run(`update rewards_records set state = 'revoked', revoked_at = '${NOW}', revoked_by = '经理',
      revoke_reason = '误判', updated_at = '${NOW}' where id = 1`)();
    // Revoked (and rejected) is final.
    expect(run("update rewards_records set revoke_reason = '改' where id = 1")).toThrow(
      /decided and locked/,
    );
    propose(2);
    run(
      `update rewards_records set state = 'rejected', decision_reason = '证据不足' where id = 2`,
    )();
    expect(run("update rewards_records set state = 'proposed' where id = 2")).toThrow(
      /decided and locked/,
    );
    expect(run('delete from rewards_records where id = 2')).toThrow(/never deleted/);
  });

  it('refuses a revocation without its reason', () => {
    propose(1);
    approve(1);
    expect(
      run(`update rewards_records set state = 'revoked', revoked_at = '${NOW}' where id = 1`),
    ).toThrow(/CHECK constraint/);
  });

  it('keeps the ledger append-only, one event of each kind per record, for decided records only', () => {
    propose(1);
    expect(() => grant(1)).toThrow(/only an approved record/);
    approve(1);
    grant(1);
    expect(() => grant(1)).toThrow(/UNIQUE/);
    expect(run('update rewards_ledger set points = 0')).toThrow(/append-only/);
    expect(run('delete from rewards_ledger')).toThrow(/append-only/);
  });

  it('keeps approvals append-only, one per person, and only on proposals', () => {
    propose(1);
    const add = (user: number) =>
      run(`insert into rewards_approvals (record_id, approver_user_id, approver, approver_role, decision, at)
        values (1, ${user}, '经理', 'manager', 'approve', '${NOW}')`);
    store.sqlite
      .exec(`insert into users (id, username, display_name, role, password_hash, active, created_at, updated_at)
      values (31, 'boss', '经理', 'manager', 'x', 1, '${NOW}', '${NOW}'), (32, 'boss2', '经理二', 'manager', 'x', 1, '${NOW}', '${NOW}')`);
    add(31)();
    expect(add(31)).toThrow(/UNIQUE/);
    expect(run("update rewards_approvals set decision = 'reject'")).toThrow(/append-only/);
    expect(run('delete from rewards_approvals')).toThrow(/append-only/);
    approve(1);
    expect(add(32)).toThrow(/already decided/);
  });

  it('locks the evidence of a decided record', () => {
    propose(1);
    const link = run(
      "insert into rewards_evidence (record_id, entity, entity_id) values (1, 'attendance', 41)",
    );
    link();
    run('delete from rewards_evidence where entity_id = 41')();
    link();
    approve(1);
    expect(
      run(
        "insert into rewards_evidence (record_id, entity, entity_id) values (1, 'attendance', 42)",
      ),
    ).toThrow(/locked/);
    expect(run('delete from rewards_evidence')).toThrow(/locked/);
  });

  it('locks the records of a closed attendance month until it is reopened', () => {
    propose(1, '2026-10-20');
    run(
      `insert into attendance_months (month, closed_at, closed_by) values ('2026-10', '${NOW}', 'hr')`,
    )();
    const closed = /the month is closed/;
    expect(() => propose(2, '2026-10-21')).toThrow(closed);
    expect(() => approve(1)).toThrow(closed);
    // Moved into the closed month from an open one: refused too.
    propose(3, '2026-11-02');
    expect(run("update rewards_records set event_date = '2026-10-30' where id = 3")).toThrow(
      closed,
    );
    run("delete from attendance_months where month = '2026-10'")();
    approve(1);
    expect(one('select state from rewards_records where id = 1')).toEqual({ state: 'approved' });
  });

  it('keeps the catalog: types and reasons are deactivated, never deleted', () => {
    expect(run("delete from rewards_reasons where code = 'late'")).toThrow(/deactivate/);
    expect(run("delete from rewards_types where code = 'bonus'")).toThrow(/deactivate/);
    run("update rewards_types set active = 0 where code = 'bonus'")();
  });
});
