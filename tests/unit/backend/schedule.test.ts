import { formatDate } from '../../../shared/domain/time';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TestStore } from '../../helpers/store';

let t: TestStore;
let teamId: number;
let ids: number[];
beforeEach(async () => {
  t = await tempStore();
  teamId = (await t.ok('org.teams.create', { name: '客服一组' })).id;
  ids = [];
  for (const [no, name] of [
    ['KF1', '王芳'],
    ['KF2', '李娜'],
  ] as const) {
    ids.push(
      (await t.ok('org.staff.create', { employeeNo: no, name, teamId, position: 'agent' })).id,
    );
  }
});
afterEach(() => t.close());

const shiftId = async (code: string) =>
  (await t.ok('org.shiftTypes.list', {})).find((s) => s.code === code)!.id;

describe('schedule', () => {
  it('assigns shifts and rest days, changes and clears cells', async () => {
    const night = await shiftId('N');
    const [a, b] = ids as [number, number];
    const first = await t.ok('org.schedule.assign', {
      cells: [
        { staffId: a, date: '2026-11-16', value: night },
        { staffId: b, date: '2026-11-16', value: 'rest' },
      ],
    });
    expect(first.changed).toBe(2);
    // Setting the same value again changes nothing.
    expect(
      (
        await t.ok('org.schedule.assign', {
          cells: [{ staffId: a, date: '2026-11-16', value: night }],
        })
      ).changed,
    ).toBe(0);
    await t.ok('org.schedule.assign', { cells: [{ staffId: b, date: '2026-11-16', value: null }] });
    const week = await t.ok('org.schedule.week', { teamId, weekStart: '2026-11-16' });
    expect(week.dates).toHaveLength(7);
    expect(week.cells).toEqual([{ staffId: a, date: '2026-11-16', value: night }]);
  });

  it('refuses the whole batch when one cell is bad', async () => {
    const before = t.digest();
    const result = await t.call('org.schedule.assign', {
      cells: [
        { staffId: ids[0]!, date: '2026-11-16', value: await shiftId('E') },
        { staffId: ids[1]!, date: '2026-11-16', value: 999 },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'cells.1.value', key: 'errors.unknownShiftType' },
    });
    expect(t.digest()).toBe(before);
  });

  it('requires weeks to start on Monday', async () => {
    const result = await t.call('org.schedule.week', { teamId, weekStart: '2026-11-17' });
    expect(result).toMatchObject({
      ok: false,
      error: { field: 'weekStart', key: 'validation.monday' },
    });
  });

  it('copies last week onto this week, replacing what was there', async () => {
    const [early, middle] = [await shiftId('E'), await shiftId('M')];
    const [a, b] = ids as [number, number];
    await t.ok('org.schedule.assign', {
      cells: [
        { staffId: a, date: '2026-11-09', value: early },
        { staffId: a, date: '2026-11-15', value: 'rest' },
        { staffId: b, date: '2026-11-16', value: middle }, // this week, not in the source: cleared
      ],
    });
    const { copied } = await t.ok('org.schedule.copyWeek', {
      teamId,
      fromWeekStart: '2026-11-09',
      toWeekStart: '2026-11-16',
    });
    expect(copied).toBe(2);
    const week = await t.ok('org.schedule.week', { teamId, weekStart: '2026-11-16' });
    expect(week.cells.sort((x, y) => x.date.localeCompare(y.date))).toEqual([
      { staffId: a, date: '2026-11-16', value: early },
      { staffId: a, date: '2026-11-22', value: 'rest' },
    ]);
  });

  it('lists who works each shift on one date, night shift included', async () => {
    const night = await shiftId('N');
    await t.ok('org.schedule.assign', {
      cells: [
        { staffId: ids[0]!, date: '2026-11-22', value: night },
        { staffId: ids[1]!, date: '2026-11-22', value: 'rest' },
      ],
    });
    const day = await t.ok('org.schedule.day', { date: '2026-11-22' });
    expect(day.resting).toBe(1);
    expect(day.shifts).toEqual([
      {
        shiftTypeId: night,
        staff: [{ id: ids[0], name: '王芳', employeeNo: 'KF1', teamName: '客服一组' }],
      },
    ]);
  });
});

describe('demo data', () => {
  it('loads a believable center once, and never into a console with data', async () => {
    const fresh = await tempStore();
    expect((await fresh.ok('app.info', {})).empty).toBe(true);
    const summary = await fresh.ok('app.loadDemo', {});
    expect(summary).toMatchObject({ teams: 3, staff: 45, scheduleDays: 91 });
    // Eight weeks of shifts already worked, with attendance recorded and the rules applied.
    expect(summary.attendanceRecords).toBeGreaterThan(1500);
    const month = formatDate(new Date()).slice(0, 7);
    const overview = await fresh.ok('attendance.summary', { month });
    expect(overview.teams).toHaveLength(3);
    expect(overview.people.some((p) => p.lateCount > 0)).toBe(true);
    const teams = await fresh.ok('org.teams.list', {});
    expect(teams.map((x) => x.name)).toEqual(['客服一组', '客服二组', '客服三组']);
    expect(teams.every((x) => x.leadName !== null)).toBe(true);
    const staff = await fresh.ok('org.staff.list', { page: 1, pageSize: 200 });
    expect(staff.rows.every((s) => /^[\u4e00-\u9fa5]{2,3}$/.test(s.name))).toBe(true);
    expect(new Set(staff.rows.map((s) => s.name)).size).toBe(45);
    expect((await fresh.ok('app.info', {})).empty).toBe(false);

    // Three months of 奖惩: mostly approved, some rejected, the last days' waiting, old verbal
    // warnings expired in the ledger, and one red line with the first of its two approvals.
    expect(summary.rewardsRecords).toBeGreaterThan(30);
    const inState = async (state: 'approved' | 'rejected' | 'proposed') =>
      (await fresh.ok('rewards.records.list', { state, pageSize: 100 })).total;
    const approved = await inState('approved');
    const rejected = await inState('rejected');
    const proposed = await inState('proposed');
    expect(approved + rejected + proposed).toBe(summary.rewardsRecords);
    expect(approved).toBeGreaterThan(rejected + proposed);
    expect(rejected).toBeGreaterThan(0);
    expect(proposed).toBeGreaterThan(1);
    const waiting = (await fresh.ok('rewards.records.list', { state: 'proposed', pageSize: 100 }))
      .rows;
    const redLine = waiting.filter((r) => r.redLine);
    expect(redLine).toHaveLength(1);
    expect(redLine[0]).toMatchObject({ approvals: 1, approvalsNeeded: 2 });
    expect(redLine[0]!.agentExplanation).toBeTruthy();
    expect(redLine[0]!.context).toBeTruthy();
    const approvedRows = (
      await fresh.ok('rewards.records.list', { state: 'approved', pageSize: 100 })
    ).rows;
    const expired = [];
    for (const r of approvedRows.filter((x) => x.expiresOn! <= formatDate(new Date()))) {
      const detail = await fresh.ok('rewards.records.get', { id: r.id });
      expired.push(detail.ledger.filter((e) => e.kind === 'expire'));
    }
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.every((events) => events.length === 1)).toBe(true);

    const again = await fresh.call('app.loadDemo', {});
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'errors.demoNotEmpty' },
    });
    await fresh.close();
  });

  it('refuses the demo in a console that already has staff', async () => {
    const before = t.digest();
    expect(await t.call('app.loadDemo', {})).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(t.digest()).toBe(before);
  });
});
