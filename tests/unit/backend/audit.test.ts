import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../electron/backend/files/csv';
import { tempStore, type TestStore } from '../../helpers/store';

let t: TestStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(() => t.close());

const entries = async () => (await t.ok('audit.list', { page: 1, pageSize: 200 })).rows.reverse();

describe('the audit trail', () => {
  it('records who did what, with only the changed fields before and after', async () => {
    const team = await t.ok('org.teams.create', { name: '客服一组' });
    const p = await t.ok('org.staff.create', {
      employeeNo: 'KF1',
      name: '王芳',
      teamId: team.id,
      position: 'agent',
    });
    await t.ok('org.staff.update', {
      id: p.id,
      employeeNo: 'KF1',
      name: '王芳芳',
      teamId: team.id,
      position: 'agent',
      status: 'active',
    });
    // Saving without a change leaves no noise in the trail.
    await t.ok('org.staff.update', {
      id: p.id,
      employeeNo: 'KF1',
      name: '王芳芳',
      teamId: team.id,
      position: 'agent',
      status: 'active',
    });
    await t.ok('org.staff.markLeft', { id: p.id, leftOn: '2026-11-30', reason: '个人原因' });

    const log = await entries();
    expect(log.map((e) => [e.action, e.entity])).toEqual([
      ['create', 'team'],
      ['create', 'staff'],
      ['update', 'staff'],
      ['mark_left', 'staff'],
    ]);
    expect(log[2]).toMatchObject({
      username: 'test-admin',
      entityId: String(p.id),
      before: { name: '王芳' },
    });
    expect(log[2]!.after).toEqual({ name: '王芳芳' });
    expect(log[3]!.after).toMatchObject({
      status: 'left',
      leftOn: '2026-11-30',
      leftReason: '个人原因',
    });
  });

  it('writes nothing for an action that failed', async () => {
    await t.call('org.staff.create', { employeeNo: 'KF1', name: '', position: 'agent' });
    await t.call('org.schedule.assign', { cells: [{ staffId: 99, date: '2026-11-16', value: 1 }] });
    expect(await entries()).toEqual([]);
  });

  it('refuses UPDATE and DELETE in SQL itself', async () => {
    await t.ok('org.teams.create', { name: '客服一组' });
    expect(() => t.store.sqlite.prepare("update audit_log set username = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => t.store.sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/);
  });

  it('verifies its hash chain, and finds a row changed by hand in the file', async () => {
    await t.ok('org.teams.create', { name: '客服一组' });
    await t.ok('org.teams.create', { name: '客服二组' });
    await t.ok('org.teams.create', { name: '客服三组' });
    expect(await t.ok('audit.verify', {})).toMatchObject({
      ok: true,
      entries: 3,
      firstBadId: null,
    });

    // Someone opens the file with a SQLite tool, drops the guard and rewrites history.
    const raw = new Database(t.store.file);
    raw.exec('drop trigger audit_log_no_update');
    raw.prepare(`update audit_log set after = '{"name":"假的组"}' where id = 2`).run();
    raw.close();
    expect(await t.ok('audit.verify', {})).toMatchObject({ ok: false, entries: 2, firstBadId: 2 });
  });

  it('filters by entity and date, and exports CSV that Excel reads as UTF-8', async () => {
    await t.ok('org.teams.create', { name: '客服一组' });
    await t.ok('org.staff.create', {
      employeeNo: 'KF1',
      name: '=HYPERLINK("x")',
      position: 'agent',
    });
    const staffOnly = await t.ok('audit.list', { entity: 'staff', page: 1, pageSize: 10 });
    expect(staffOnly.rows.map((r) => r.entity)).toEqual(['staff']);
    const today = new Date().toLocaleDateString('sv-SE');
    expect(
      (await t.ok('audit.list', { from: today, to: today, page: 1, pageSize: 10 })).total,
    ).toBe(2);
    expect((await t.ok('audit.list', { to: '2000-01-01', page: 1, pageSize: 10 })).total).toBe(0);

    const file = await t.ok('audit.export', { language: 'zh-CN' });
    expect(file.fileName).toMatch(/^审计日志-\d{8}-\d{4}\.csv$/);
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    // One language, the audit page's words: the header, the action and the entity.
    expect(text.split('\r\n')[0]).toBe('编号,时间,用户,操作,对象,对象编号,修改前,修改后');
    expect(text.split('\r\n')[1]).toMatch(/^\d+,[\d-]+ [\d:]+,[^,]*,新建,班组,/);
    expect(text).toContain('客服一组');
    // The export itself is recorded.
    expect((await entries()).at(-1)).toMatchObject({
      action: 'export',
      entity: 'audit',
      after: { rows: 2 },
    });
    const english = await t.ok('audit.export', { language: 'en-US' });
    expect(english.fileName).toMatch(/^Audit trail-\d{8}-\d{4}\.csv$/);
    const lines = Buffer.from(english.contentBase64, 'base64')
      .subarray(3)
      .toString('utf8')
      .split('\r\n');
    expect(lines[0]).toBe('No.,Time,User,Action,Record,Record no.,Before,After');
    expect(lines[1]).toMatch(/,Create,Team,/);
  });
});

describe('CSV cells', () => {
  it('neutralises formulas and quotes what needs quoting', () => {
    for (const danger of ['=1+1', '+86 138', '-5', '@SUM(A1)', '\tx'])
      expect(csvCell(danger).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('王芳')).toBe('王芳');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a'], [[1]]).toString('utf8')).toBe('\uFEFFa\r\n1\r\n');
  });
});
