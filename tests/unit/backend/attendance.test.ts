import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nightShift } from '../../helpers/fixtures';
import { sessionOf, tempStore, type TestStore } from '../../helpers/store';

let t: TestStore;
let teamId: number;
let wang: number;
let li: number;
let zhao: number;
let shift: Record<string, number>;

const csv = (text: string) => ({
  fileName: 'clock.csv',
  contentBase64: Buffer.from(text).toString('base64'),
});

beforeEach(async () => {
  t = await tempStore();
  teamId = (await t.ok('org.teams.create', { name: '客服一组' })).id;
  const add = async (employeeNo: string, name: string) =>
    (await t.ok('org.staff.create', { employeeNo, name, teamId, position: 'agent' })).id;
  wang = await add('KF1', '王芳');
  li = await add('KF2', '李娜');
  zhao = await add('KF3', '赵强');
  shift = Object.fromEntries((await t.ok('org.shiftTypes.list', {})).map((s) => [s.code, s.id]));
  // A night shift that crosses midnight, as many centers run it.
  shift.NX = (await t.ok('org.shiftTypes.create', nightShift({ code: 'NX', color: '#333333' }))).id;
});
afterEach(() => t.close());

const assign = (cells: [number, string, number | 'rest'][]) =>
  t.ok('org.schedule.assign', {
    cells: cells.map(([staffId, date, value]) => ({ staffId, date, value })),
  });

describe('roll-call', () => {
  it('marks a shift present, late, absent and on leave, and reads back the counts', async () => {
    await assign([
      [wang, '2026-11-16', shift.E!],
      [li, '2026-11-16', shift.E!],
      [zhao, '2026-11-16', shift.E!],
    ]);
    const result = await t.ok(
      'attendance.rollCall',
      {
        date: '2026-11-16',
        shiftTypeId: shift.E!,
        teamId,
        entries: [
          { staffId: wang, mark: 'present' },
          { staffId: li, mark: 'late', arrivedAt: '2026-11-16 08:40' },
          { staffId: zhao, mark: 'absent' },
        ],
      },
      sessionOf('supervisor', [teamId]),
    );
    const status = Object.fromEntries(result.people.map((p) => [p.name, p.record?.status]));
    expect(status).toEqual({ 王芳: 'present', 李娜: 'late', 赵强: 'absent' });
    expect(result.people.find((p) => p.staffId === li)!.record).toMatchObject({
      lateMinutes: 40,
      absenceDays: 0.5, // late beyond the default 30 minutes counts as half a day
      recordedBy: 'test supervisor',
    });
    expect(result.counts).toMatchObject({ scheduled: 3, present: 1, late: 1, absent: 1 });
  });

  it('refuses someone not scheduled on the shift, and writes nothing', async () => {
    await assign([[wang, '2026-11-16', shift.E!]]);
    const before = t.digest();
    const result = await t.call('attendance.rollCall', {
      date: '2026-11-16',
      shiftTypeId: shift.E!,
      entries: [
        { staffId: wang, mark: 'present' },
        { staffId: li, mark: 'present' },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { field: 'entries.1.staffId', key: 'errors.notScheduled' },
    });
    expect(t.digest()).toBe(before);
  });
});

describe('corrections, leave and swaps', () => {
  it('corrects a record with a reason kept in the audit trail', async () => {
    await assign([[wang, '2026-11-16', shift.E!]]);
    const record = await t.ok('attendance.correct', {
      staffId: wang,
      date: '2026-11-16',
      clockIn: '2026-11-16 07:58',
      clockOut: '2026-11-16 15:30',
      reason: '打卡机故障，补录',
    });
    expect(record).toMatchObject({ status: 'early_leave', earlyMinutes: 30, source: 'correction' });
    const audit = await t.ok('audit.list', { entity: 'attendance', page: 1, pageSize: 10 });
    expect(audit.rows[0]!.after).toMatchObject({ reason: '打卡机故障，补录' });
  });

  it('enters leave over a date range on the scheduled shifts only', async () => {
    await assign([
      [wang, '2026-11-16', shift.E!],
      [wang, '2026-11-17', 'rest'],
      [wang, '2026-11-18', shift.M!],
    ]);
    const sick = (await t.ok('attendance.leaveTypes.list', {})).find((l) => l.code === 'sick')!;
    const { shifts } = await t.ok('attendance.leave', {
      staffId: wang,
      from: '2026-11-16',
      to: '2026-11-18',
      leaveTypeId: sick.id,
      reason: '发烧',
    });
    expect(shifts).toBe(2);
    const summary = await t.ok('attendance.summary', { month: '2026-11' });
    expect(summary.people[0]).toMatchObject({
      scheduled: 2,
      worked: 0,
      leave: { [String(sick.id)]: 2 },
      attendanceRate: 0,
    });
  });

  it('swaps two people on one day (换班) and reclassifies what was recorded', async () => {
    await assign([
      [wang, '2026-11-16', shift.E!],
      [li, '2026-11-16', shift.M!],
    ]);
    await t.ok('attendance.correct', {
      staffId: wang,
      date: '2026-11-16',
      clockIn: '2026-11-16 15:55',
      clockOut: '2026-11-17 00:00',
      reason: '已按调换后的班次上班',
    });
    const swap = await t.ok(
      'attendance.swap',
      { staffAId: wang, staffBId: li, dates: ['2026-11-16'], reason: '家中有事' },
      sessionOf('supervisor', [teamId]),
    );
    expect(swap).toMatchObject({
      staffAName: '王芳',
      staffAEmployeeNo: 'KF1',
      staffBName: '李娜',
      staffBEmployeeNo: 'KF2',
      approvedBy: 'test supervisor',
    });
    const week = await t.ok('org.schedule.week', { teamId, weekStart: '2026-11-16' });
    expect(week.cells).toEqual(
      expect.arrayContaining([
        { staffId: wang, date: '2026-11-16', value: shift.M },
        { staffId: li, date: '2026-11-16', value: shift.E },
      ]),
    );
    const month = await t.ok('attendance.month', { month: '2026-11', staffId: wang });
    expect(month.records[0]).toMatchObject({
      shiftTypeId: shift.M,
      status: 'present',
      source: 'swap',
    });
  });
});

describe('clock import', () => {
  it('reports an unknown employee number and applies nothing until the file is fixed', async () => {
    await assign([
      [wang, '2026-11-16', shift.E!],
      [li, '2026-11-16', shift.NX!],
    ]);
    const bad = csv(
      '工号,打卡时间\nKF1,2026-11-16 07:52\nKF1,2026-11-16 16:03\nKF9,2026-11-16 08:00\nKF2,2026-11-16 22:10\nKF2,2026-11-17 08:02\n',
    );
    const preview = await t.ok('attendance.previewImport', bad, 'hr');
    expect(preview.problems).toEqual([
      { row: 4, field: 'employeeNo', key: 'errors.unknownEmployeeNo', params: { value: 'KF9' } },
    ]);
    const before = t.digest();
    const refused = await t.call('attendance.applyImport', bad, 'hr');
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'import_rejected', rows: [{ row: 4 }] },
    });
    expect(t.digest()).toBe(before);

    const good = csv(
      '工号,打卡时间\nKF1,2026-11-16 07:52\nKF1,2026-11-16 16:03\nKF2,2026-11-16 22:10\nKF2,2026-11-17 08:02\n',
    );
    expect(await t.ok('attendance.applyImport', good, 'hr')).toEqual({ applied: 2, kept: 0 });
    const records = (await t.ok('attendance.month', { month: '2026-11', teamId })).records;
    expect(records).toEqual([
      expect.objectContaining({ staffId: wang, status: 'present', clockIn: '2026-11-16 07:52' }),
      // The night shift's clock-out the next morning belongs to the 16th's instance.
      expect.objectContaining({
        staffId: li,
        date: '2026-11-16',
        status: 'late',
        lateMinutes: 10,
        clockOut: '2026-11-17 08:02',
      }),
    ]);
  });

  it('reads login/logout columns with a date column, and remembers the mapping', async () => {
    await assign([[wang, '2026-11-30', shift.NX!]]);
    const file = csv('员工编号,日期,登录时间,登出时间\nKF1,2026/11/30,21:58,07:30\n');
    const preview = await t.ok('attendance.previewImport', file);
    expect(preview.mapping).toEqual({
      employeeNo: '员工编号',
      date: '日期',
      clockIn: '登录时间',
      clockOut: '登出时间',
    });
    await t.ok('attendance.applyImport', file);
    // The night shift of Nov 30 stays in November, though it ended on Dec 1.
    const nov = await t.ok('attendance.summary', { month: '2026-11' });
    expect(nov.people[0]).toMatchObject({ worked: 1, earlyCount: 1, earlyMinutes: 30 });
    const dec = await t.ok('attendance.summary', { month: '2026-12' });
    expect(dec.people).toEqual([]);

    const renamed = csv('工号X,打卡\nKF1,2026-11-30 22:00\n');
    const guessed = await t.ok('attendance.previewImport', renamed);
    expect(guessed.problems[0]).toMatchObject({ key: 'errors.importNeedsMapping' });
    const mapped = await t.ok('attendance.previewImport', {
      ...renamed,
      mapping: { employeeNo: '工号X', clockIn: '打卡' },
    });
    expect(mapped.problems).toEqual([]);
  });

  it('keeps hand corrections and reports punches with no shift near them', async () => {
    await assign([[wang, '2026-11-16', shift.E!]]);
    await t.ok('attendance.correct', {
      staffId: wang,
      date: '2026-11-16',
      clockIn: '2026-11-16 08:00',
      clockOut: '2026-11-16 16:00',
      reason: '主管确认',
    });
    const preview = await t.ok(
      'attendance.previewImport',
      csv('工号,打卡时间\nKF1,2026-11-16 09:30\nKF1,2026-11-20 09:00\n'),
    );
    expect(preview.kept).toBe(1);
    expect(preview.problems).toEqual([
      {
        row: 3,
        field: 'clockIn',
        key: 'errors.unscheduledPunch',
        params: { value: '2026-11-20 09:00' },
      },
    ]);
  });
});

describe('month summary, rules and close', () => {
  it('proposes penalties for an absence and for the Kth late arrival, and withdraws a corrected one', async () => {
    const days = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'];
    await assign(days.map((d) => [wang, d, shift.E!] as [number, string, number]));
    for (const d of days.slice(0, 3)) {
      await t.ok('attendance.rollCall', {
        date: d,
        shiftTypeId: shift.E!,
        entries: [{ staffId: wang, mark: 'late', arrivedAt: `${d} 08:10` }],
      });
    }
    await t.ok('attendance.rollCall', {
      date: days[3]!,
      shiftTypeId: shift.E!,
      entries: [{ staffId: wang, mark: 'absent' }],
    });
    let proposals = await t.ok('attendance.proposals', { month: '2026-11' });
    expect(proposals.map((p) => [p.rule, p.state, p.evidence.length])).toEqual([
      ['late_count', 'proposed', 3],
      ['absence', 'proposed', 1],
    ]);
    await t.ok('attendance.correct', {
      staffId: wang,
      date: days[3]!,
      clockIn: `${days[3]} 08:00`,
      reason: '实际到岗，点名时漏记',
    });
    proposals = await t.ok('attendance.proposals', { month: '2026-11' });
    expect(proposals.find((p) => p.rule === 'absence')!.state).toBe('withdrawn');

    const summary = await t.ok('attendance.summary', { month: '2026-11' });
    expect(summary.people[0]).toMatchObject({
      scheduled: 4,
      worked: 4,
      lateCount: 3,
      lateMinutes: 30,
      absenceDays: 0,
      attendanceRate: 1,
    });
    expect(summary.teams[0]).toMatchObject({ teamName: '客服一组', scheduled: 4, lateCount: 3 });
  });

  it('locks a closed month against every write until HR reopens it with a reason', async () => {
    await assign([[wang, '2026-10-12', shift.E!]]);
    await t.ok('attendance.closeMonth', { month: '2026-10' }, 'hr');
    const before = t.digest();
    const correction = await t.call('attendance.correct', {
      staffId: wang,
      date: '2026-10-12',
      clockIn: '2026-10-12 08:00',
      reason: '补录',
    });
    expect(correction).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'errors.monthClosed', params: { month: '2026-10' } },
    });
    const schedule = await t.call('org.schedule.assign', {
      cells: [{ staffId: wang, date: '2026-10-13', value: shift.E! }],
    });
    expect(schedule).toMatchObject({ ok: false, error: { key: 'errors.monthClosed' } });
    expect(t.digest()).toBe(before);
    expect(await t.call('attendance.closeMonth', { month: '2026-10' }, 'supervisor')).toMatchObject(
      {
        ok: false,
        error: { code: 'forbidden' },
      },
    );

    await t.ok('attendance.reopenMonth', { month: '2026-10', reason: '补录病假条' }, 'hr');
    await t.ok('attendance.correct', {
      staffId: wang,
      date: '2026-10-12',
      clockIn: '2026-10-12 08:00',
      reason: '补录',
    });
    const audit = await t.ok('audit.list', { entity: 'attendance_month', page: 1, pageSize: 10 });
    expect(audit.rows.map((r) => r.action)).toEqual(['unlock', 'lock']);
  });
});

describe('clock files as centers export them', () => {
  it('reads which column a time came from: a late login stays late, an early logout early', async () => {
    await assign([
      [wang, '2026-11-16', shift.E!],
      [li, '2026-11-16', shift.E!],
    ]);
    await t.ok(
      'attendance.applyImport',
      csv(
        '工号,登录时间,登出时间\nKF1,2026-11-16 13:00,2026-11-16 16:01\nKF2,2026-11-16 07:58,2026-11-16 11:00\n',
      ),
    );
    const { records } = await t.ok('attendance.month', { month: '2026-11', teamId });
    expect(records.map((r) => [r.staffId, r.status, r.lateMinutes, r.earlyMinutes])).toEqual([
      [wang, 'late', 300, 0],
      [li, 'early_leave', 0, 300],
    ]);
  });

  it('takes the earliest and latest of a one-column file, and prefers a rest day after a night', async () => {
    await assign([
      [wang, '2026-11-16', shift.E!],
      [li, '2026-11-16', shift.NX!],
      [li, '2026-11-17', 'rest'],
    ]);
    await t.ok(
      'attendance.applyImport',
      csv(
        '工号,打卡时间\nKF1,2026-11-16 07:58\nKF1,2026-11-16 10:00\nKF2,2026-11-16 21:55\nKF2,2026-11-17 08:00\nKF2,2026-11-17 10:00\nKF2,2026-11-17 15:00\n',
      ),
    );
    const { records } = await t.ok('attendance.month', { month: '2026-11', teamId });
    expect(records.map((r) => [r.staffId, r.date, r.status, r.overtimeMinutes])).toEqual([
      [wang, '2026-11-16', 'early_leave', 0],
      [li, '2026-11-16', 'present', 0],
      [li, '2026-11-17', 'rest_day_worked', 300],
    ]);
  });

  it("keeps a closed month as it is instead of refusing the next month's file", async () => {
    await assign([
      [wang, '2026-10-31', shift.NX!],
      [wang, '2026-11-02', shift.E!],
    ]);
    await t.ok('attendance.closeMonth', { month: '2026-10' });
    const report = await t.ok(
      'attendance.applyImport',
      csv('工号,打卡时间\nKF1,2026-11-01 08:01\nKF1,2026-11-02 07:59\nKF1,2026-11-02 16:02\n'),
    );
    expect(report).toEqual({ applied: 1, kept: 1 });
  });

  it('reads Excel time cells and midnight date-times', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('打卡');
    sheet.addRow(['工号', '日期', '上班时间', '下班时间']);
    // A time-only cell is a fraction of Excel's day zero; a date-time at midnight shows its hours.
    const row = sheet.addRow([
      'KF1',
      new Date(Date.UTC(2026, 10, 16)),
      new Date(Date.UTC(1899, 11, 30, 23, 50)),
      new Date(Date.UTC(2026, 10, 17, 0, 0)),
    ]);
    row.getCell(3).numFmt = 'hh:mm';
    row.getCell(4).numFmt = 'yyyy-mm-dd hh:mm';
    await assign([[wang, '2026-11-17', shift.N!]]);
    const preview = await t.ok('attendance.previewImport', {
      fileName: 'clock.xlsx',
      contentBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64'),
    });
    expect(preview.problems).toEqual([]);
    expect(preview.changes[0]).toMatchObject({
      date: '2026-11-17',
      clockIn: '2026-11-16 23:50',
      clockOut: '2026-11-17 00:00',
    });
  });
});

describe('the schedule and the records stay in step', () => {
  it('judges a recorded day again when its shift changes on the schedule', async () => {
    await assign([[wang, '2026-11-16', shift.E!]]);
    await t.ok('attendance.correct', {
      staffId: wang,
      date: '2026-11-16',
      clockIn: '2026-11-16 15:58',
      clockOut: '2026-11-17 00:00',
      reason: '实际上的是中班',
    });
    await assign([[wang, '2026-11-16', shift.M!]]);
    let { records } = await t.ok('attendance.month', { month: '2026-11', staffId: wang });
    expect(records[0]).toMatchObject({ shiftTypeId: shift.M, status: 'present' });
    await assign([[wang, '2026-11-16', 'rest']]);
    ({ records } = await t.ok('attendance.month', { month: '2026-11', staffId: wang }));
    expect(records[0]).toMatchObject({ shiftTypeId: null, status: 'rest_day_worked' });
  });

  it('refuses marking someone as left when that would clear shifts in a closed month', async () => {
    await assign([[wang, '2026-10-20', shift.E!]]);
    await t.ok('attendance.closeMonth', { month: '2026-10' });
    const before = t.digest();
    const result = await t.call('org.staff.markLeft', {
      id: wang,
      leftOn: '2026-10-10',
      reason: '离职',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { key: 'errors.monthClosed', field: 'leftOn' },
    });
    expect(t.digest()).toBe(before);
  });
});

describe('clock times that cannot belong to the shift', () => {
  it('refuses a correction whose clock time is on the wrong day, naming the field', async () => {
    await assign([[wang, '2026-11-16', shift.E!]]);
    const before = t.digest();
    const result = await t.call('attendance.correct', {
      staffId: wang,
      date: '2026-11-16',
      clockIn: '2026-11-16 08:00',
      clockOut: '2026-12-16 16:00',
      reason: '补录',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { field: 'clockOut', key: 'errors.clockFarFromShift' },
    });
    const late = await t.call('attendance.rollCall', {
      date: '2026-11-16',
      shiftTypeId: shift.E!,
      entries: [{ staffId: wang, mark: 'late', arrivedAt: '2026-11-18 08:30' }],
    });
    expect(late).toMatchObject({ ok: false, error: { field: 'entries.0.arrivedAt' } });
    expect(t.digest()).toBe(before);
  });
});

describe('missing punch (缺卡)', () => {
  it('marks a clock record with only one punch 缺卡 and counts it in the month, never as on time', async () => {
    await assign([
      [wang, '2026-11-16', shift.E!],
      [li, '2026-11-16', shift.E!],
      [zhao, '2026-11-16', shift.E!],
    ]);
    const file = csv(
      '工号,上班打卡,下班打卡\nKF1,2026-11-16 07:55,\nKF2,,2026-11-16 16:05\nKF3,2026-11-16 07:58,2026-11-16 16:02\n',
    );
    const preview = await t.ok('attendance.previewImport', file);
    expect(preview.changes.map((c) => [c.employeeNo, c.status])).toEqual([
      ['KF1', 'missing_punch'],
      ['KF2', 'missing_punch'],
      ['KF3', 'present'],
    ]);
    await t.ok('attendance.applyImport', file);
    const summary = await t.ok('attendance.summary', { month: '2026-11' });
    const byNo = Object.fromEntries(summary.people.map((p) => [p.employeeNo, p]));
    expect(byNo.KF1).toMatchObject({ missingPunchCount: 1, lateCount: 0 });
    expect(byNo.KF2).toMatchObject({ missingPunchCount: 1 });
    expect(byNo.KF3).toMatchObject({ missingPunchCount: 0 });
    expect(summary.teams[0]).toMatchObject({ missingPunchCount: 2 });

    // A late clock-in with no clock-out is 缺卡 and still late by its minutes.
    await assign([[wang, '2026-11-17', shift.E!]]);
    await t.ok('attendance.applyImport', csv('工号,上班打卡,下班打卡\nKF1,2026-11-17 08:20,\n'));
    const grid = await t.ok('attendance.month', { month: '2026-11', staffId: wang });
    expect(grid.records.find((r) => r.date === '2026-11-17')).toMatchObject({
      status: 'missing_punch',
      lateMinutes: 20,
    });

    // The roll-call states arrival only: it is no punch missing.
    await assign([[wang, '2026-11-18', shift.E!]]);
    const roll = await t.ok('attendance.rollCall', {
      date: '2026-11-18',
      shiftTypeId: shift.E!,
      entries: [{ staffId: wang, mark: 'present' }],
    });
    expect(roll.people[0]!.record?.status).toBe('present');
  });

  it('lets the rules propose a penalty for K missing punches in a month', async () => {
    await t.ok('attendance.updateRules', {
      halfDayLateMinutes: 30,
      lateCountForPenalty: 3,
      absenceProposesPenalty: true,
      missingPunchCountForPenalty: 2,
    });
    const days = ['2026-11-16', '2026-11-17'];
    await assign(days.map((d) => [wang, d, shift.E!] as [number, string, number]));
    await t.ok(
      'attendance.applyImport',
      csv(`工号,上班打卡,下班打卡\n${days.map((d) => `KF1,${d} 07:55,`).join('\n')}\n`),
    );
    const proposals = await t.ok('attendance.proposals', { month: '2026-11' });
    expect(proposals.map((p) => [p.employeeNo, p.rule, p.evidence.length])).toEqual([
      ['KF1', 'missing_punch_count', 2],
    ]);
  });
});

describe('the month summary of a month in progress', () => {
  afterEach(() => vi.useRealTimers());

  it('counts scheduled shifts and the rate up to now, not the shifts still to come', async () => {
    const days = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'];
    await assign(days.map((d) => [wang, d, shift.E!] as [number, string, number]));
    for (const d of days.slice(0, 2)) {
      await t.ok('attendance.rollCall', {
        date: d,
        shiftTypeId: shift.E!,
        entries: [{ staffId: wang, mark: 'present' }],
      });
    }
    // Leave entered ahead, for a shift still to come.
    const sick = (await t.ok('attendance.leaveTypes.list', {})).find((l) => l.code === 'sick')!;
    await t.ok('attendance.leave', {
      staffId: wang,
      from: '2026-11-06',
      to: '2026-11-06',
      leaveTypeId: sick.id,
      reason: '预约手术',
    });
    // Wednesday the 4th at 07:30: the 4th's early shift has not started yet.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 10, 4, 7, 30) });
    const early = await t.ok('attendance.summary', { month: '2026-11' });
    expect(early.through).toBe('2026-11-04 07:30');
    expect(early.people[0]).toMatchObject({ scheduled: 2, worked: 2, attendanceRate: 1 });
    // At 09:00 it has, and nobody has marked it yet.
    vi.setSystemTime(new Date(2026, 10, 4, 9, 0));
    const summary = await t.ok('attendance.summary', { month: '2026-11' });
    expect(summary.people[0]).toMatchObject({
      scheduled: 3,
      worked: 2,
      unrecorded: 1,
      leave: {},
      attendanceRate: 0.6667,
    });
    expect(summary.teams[0]).toMatchObject({ scheduled: 3, worked: 2 });

    // Once the month is over, every shift counts.
    vi.setSystemTime(new Date(2026, 11, 1, 9, 0));
    const done = await t.ok('attendance.summary', { month: '2026-11' });
    expect(done.through).toBeNull();
    expect(done.people[0]).toMatchObject({ scheduled: 5, worked: 2, unrecorded: 2 });
  });

  it('lowers the rate by the half days a late arrival counts for, as the absence days say', async () => {
    const days = ['2026-11-02', '2026-11-03'];
    await assign(days.map((d) => [wang, d, shift.E!] as [number, string, number]));
    await t.ok('attendance.rollCall', {
      date: days[0]!,
      shiftTypeId: shift.E!,
      entries: [{ staffId: wang, mark: 'late', arrivedAt: '2026-11-02 08:45' }],
    });
    await t.ok('attendance.rollCall', {
      date: days[1]!,
      shiftTypeId: shift.E!,
      entries: [{ staffId: wang, mark: 'present' }],
    });
    const summary = await t.ok('attendance.summary', { month: '2026-11' });
    expect(summary.people[0]).toMatchObject({
      scheduled: 2,
      worked: 2,
      absenceDays: 0.5,
      lateAbsenceDays: 0.5,
      attendanceRate: 0.75,
    });
    expect(summary.teams[0]).toMatchObject({ attendanceRate: 0.75 });
  });
});
