import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nightShift } from '../../helpers/fixtures';
import { tempStore, type TestStore } from '../../helpers/store';

let t: TestStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(() => t.close());

const person = (employeeNo: string, name: string, teamId: number | null = null) => ({
  employeeNo,
  name,
  teamId,
  position: 'agent' as const,
  seat: 'A-01',
  extension: '8001',
  hireDate: '2025-03-01',
});

describe('teams and staff', () => {
  it('creates, edits and lists staff with their team', async () => {
    const team = await t.ok('org.teams.create', { name: '客服一组' });
    const created = await t.ok('org.staff.create', person('KF1001', '王芳', team.id));
    expect(created).toMatchObject({
      employeeNo: 'KF1001',
      name: '王芳',
      teamName: '客服一组',
      status: 'active',
    });
    const edited = await t.ok('org.staff.update', {
      ...person('KF1001', '王芳芳', team.id),
      id: created.id,
      status: 'on_leave',
    });
    expect(edited).toMatchObject({ name: '王芳芳', status: 'on_leave' });
    const teams = await t.ok('org.teams.list', {});
    expect(teams[0]).toMatchObject({ name: '客服一组', activeStaff: 1 });
  });

  it('refuses a second person with the same employee number, naming the field', async () => {
    await t.ok('org.staff.create', person('KF1001', '王芳'));
    const before = t.digest();
    const result = await t.call('org.staff.create', person('KF1001', '李娜'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'employeeNo', key: 'errors.duplicate' },
    });
    expect(t.digest()).toBe(before);
  });

  it('marks staff as left without deleting them, and drops their later shifts only', async () => {
    const team = await t.ok('org.teams.create', { name: '客服一组' });
    const p = await t.ok('org.staff.create', person('KF1001', '王芳', team.id));
    await t.ok('org.schedule.assign', {
      cells: [
        { staffId: p.id, date: '2026-03-02', value: 1 },
        { staffId: p.id, date: '2026-03-03', value: 1 },
        { staffId: p.id, date: '2026-03-04', value: 'rest' },
      ],
    });
    const left = await t.ok('org.staff.markLeft', {
      id: p.id,
      leftOn: '2026-03-02',
      reason: '个人原因',
    });
    expect(left).toMatchObject({ status: 'left', leftOn: '2026-03-02', leftReason: '个人原因' });
    const all = await t.ok('org.staff.list', { page: 1, pageSize: 20 });
    expect(all.total).toBe(1);
    const week = await t.ok('org.schedule.week', { teamId: team.id, weekStart: '2026-03-02' });
    expect(week.cells).toEqual([{ staffId: p.id, date: '2026-03-02', value: 1 }]);
    // History is locked for people who left.
    const again = await t.call('org.staff.update', {
      ...person('KF1001', 'x'),
      id: p.id,
      status: 'active',
    });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'errors.staffLeft' },
    });
    const later = await t.call('org.schedule.assign', {
      cells: [{ staffId: p.id, date: '2026-03-09', value: 1 }],
    });
    expect(later).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'cells.0.date' },
    });
  });

  it('searches by name, number, seat and extension, treating % and _ literally', async () => {
    await t.ok('org.staff.create', person('KF1001', '王芳'));
    await t.ok('org.staff.create', {
      ...person('KF1002', '李_娜'),
      seat: 'B-07',
      extension: '8123',
    });
    const names = async (search: string) =>
      (await t.ok('org.staff.list', { search, page: 1, pageSize: 20 })).rows.map((r) => r.name);
    expect(await names('王')).toEqual(['王芳']);
    expect(await names('1002')).toEqual(['李_娜']);
    expect(await names('B-07')).toEqual(['李_娜']);
    expect(await names('_')).toEqual(['李_娜']);
    expect(await names('%')).toEqual([]);
  });

  it('filters by team and status and pages the result', async () => {
    const a = await t.ok('org.teams.create', { name: '一组' });
    const b = await t.ok('org.teams.create', { name: '二组' });
    for (let i = 0; i < 25; i++) await t.ok('org.staff.create', person(`A${i}`, `甲${i}`, a.id));
    await t.ok('org.staff.create', person('B1', '乙', b.id));
    const page2 = await t.ok('org.staff.list', { teamId: a.id, page: 2, pageSize: 10 });
    expect(page2.total).toBe(25);
    expect(page2.rows).toHaveLength(10);
    const onlyB = await t.ok('org.staff.list', {
      teamId: b.id,
      status: 'active',
      page: 1,
      pageSize: 10,
    });
    expect(onlyB.rows.map((r) => r.name)).toEqual(['乙']);
  });

  it('only lets active members of the team lead it', async () => {
    const a = await t.ok('org.teams.create', { name: '一组' });
    const b = await t.ok('org.teams.create', { name: '二组' });
    const inB = await t.ok('org.staff.create', person('B1', '乙', b.id));
    const bad = await t.call('org.teams.update', { id: a.id, name: '一组', leadStaffId: inB.id });
    expect(bad).toMatchObject({
      ok: false,
      error: { field: 'leadStaffId', key: 'errors.leadNotInTeam' },
    });
    const good = await t.ok('org.teams.update', { id: b.id, name: '二组', leadStaffId: inB.id });
    expect(good.leadName).toBe('乙');
  });
});

describe('shift types', () => {
  it('adds an overnight shift type and edits it', async () => {
    const shift = await t.ok(
      'org.shiftTypes.create',
      nightShift({ code: 'N2', lateGraceMinutes: 10 }),
    );
    expect(shift).toMatchObject({ name: '大夜班', active: true });
    const edited = await t.ok('org.shiftTypes.update', { ...shift, name: '通宵班', active: false });
    expect(edited).toMatchObject({ name: '通宵班', active: false });
    const duplicate = await t.call('org.shiftTypes.create', { ...shift, code: 'E' });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'conflict', field: 'code' } });
  });
});
