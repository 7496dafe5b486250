import { format } from 'date-fns';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type {
  AttendanceRecord,
  LeaveType,
  MonthSummary,
  ShiftType,
  SummaryFigures,
} from '../../../shared/contract';
import {
  attendanceCsv,
  attendanceFileName,
  attendanceXlsx,
  type AttendanceExportData,
} from '../../../electron/backend/modules/attendance/export';
import { displayWidth } from '../../../electron/backend/files/xlsx';
import { moduleText } from '../../../electron/backend/files/export-text';

const zh = moduleText('zh-CN', 'attendance');
const en = moduleText('en-US', 'attendance');

const leaveTypes: LeaveType[] = [
  { id: 1, code: 'personal', name: '事假', paid: false, active: true },
  { id: 2, code: 'sick', name: '病假', paid: true, active: true },
  // Retired and unused this month: no column for it.
  { id: 3, code: 'marriage', name: '婚假', paid: true, active: false },
];

const shift = (id: number, name: string, startTime: string, endTime: string): ShiftType => ({
  id,
  code: name,
  name,
  startTime,
  endTime,
  breakMinutes: 60,
  lateGraceMinutes: 5,
  earlyLeaveGraceMinutes: 5,
  color: '#1677ff',
  active: true,
});
const shiftTypes = [shift(1, '早班', '08:00', '16:00'), shift(4, '大夜班', '22:00', '08:00')];

const figures = (over: Partial<SummaryFigures>): SummaryFigures => ({
  scheduled: 0,
  worked: 0,
  lateCount: 0,
  lateMinutes: 0,
  earlyCount: 0,
  earlyMinutes: 0,
  missingPunchCount: 0,
  absenceDays: 0,
  lateAbsenceDays: 0,
  leave: {},
  overtimeHours: 0,
  unrecorded: 0,
  attendanceRate: null,
  ...over,
});

const summary: MonthSummary = {
  month: '2026-11',
  through: null,
  closed: false,
  closedAt: null,
  closedBy: null,
  people: [
    {
      staffId: 1,
      employeeNo: 'KF1001',
      name: '王芳',
      teamId: 1,
      teamName: '客服一组',
      ...figures({
        scheduled: 22,
        worked: 20,
        lateCount: 2,
        lateMinutes: 47,
        earlyCount: 1,
        earlyMinutes: 20,
        absenceDays: 1.5,
        leave: { '1': 1 },
        overtimeHours: 4.5,
        unrecorded: 0,
        attendanceRate: 20 / 22,
      }),
    },
    {
      staffId: 2,
      employeeNo: 'KF1002',
      name: '=HYPERLINK("http://x")',
      teamId: 1,
      teamName: '客服一组',
      ...figures({
        scheduled: 21,
        worked: 19,
        leave: { '2': 2 },
        attendanceRate: 19 / 21,
      }),
    },
  ],
  teams: [
    {
      teamId: 1,
      teamName: '客服一组',
      ...figures({
        scheduled: 43,
        worked: 39,
        lateCount: 2,
        lateMinutes: 47,
        earlyCount: 1,
        earlyMinutes: 20,
        absenceDays: 1.5,
        leave: { '1': 1, '2': 2 },
        overtimeHours: 4.5,
        attendanceRate: 39 / 43,
      }),
    },
  ],
};

const record = (over: Partial<AttendanceRecord>): AttendanceRecord => ({
  id: 1,
  staffId: 1,
  date: '2026-11-02',
  shiftTypeId: 1,
  plannedStart: '2026-11-02 08:00',
  plannedEnd: '2026-11-02 16:00',
  clockIn: '2026-11-02 07:55',
  clockOut: '2026-11-02 16:01',
  mark: null,
  leaveTypeId: null,
  status: 'present',
  lateMinutes: 0,
  earlyMinutes: 0,
  overtimeMinutes: 0,
  absenceDays: 0,
  remark: null,
  source: 'import',
  recordedBy: 'hr',
  updatedAt: '2026-11-03T01:00:00.000Z',
  ...over,
});

const wang = { employeeNo: 'KF1001', name: '王芳', teamName: '客服一组' };
const eq = { employeeNo: 'KF1002', name: '=HYPERLINK("http://x")', teamName: '客服一组' };

const data: AttendanceExportData = {
  month: '2026-11',
  teamName: '客服一组',
  summary,
  leaveTypes,
  shiftTypes,
  // Out of order on purpose: the export sorts by date, then employee number.
  details: [
    {
      ...wang,
      record: record({
        id: 3,
        date: '2026-11-30',
        shiftTypeId: 4,
        plannedStart: '2026-11-30 22:00',
        plannedEnd: '2026-12-01 08:00',
        clockIn: '2026-11-30 21:50',
        clockOut: '2026-12-01 07:40',
        status: 'early_leave',
        earlyMinutes: 20,
        remark: '身体不适，提前离岗，已向值班主管报备并安排同组同事顶岗',
        source: 'correction',
        recordedBy: 'lead_zhang',
      }),
    },
    {
      ...eq,
      record: record({
        id: 2,
        staffId: 2,
        date: '2026-11-02',
        clockIn: null,
        clockOut: null,
        mark: 'leave',
        leaveTypeId: 2,
        status: 'leave',
        source: 'leave',
      }),
    },
    { ...wang, record: record({ id: 1 }) },
    {
      ...wang,
      record: record({
        id: 4,
        date: '2026-11-08',
        shiftTypeId: null,
        plannedStart: null,
        plannedEnd: null,
        clockIn: '2026-11-08 09:00',
        clockOut: '2026-11-08 13:30',
        status: 'rest_day_worked',
        overtimeMinutes: 270,
        source: 'roll_call',
      }),
    },
  ],
};

async function load(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** A wall date or time as exceljs reads an Excel date back: its UTC fields. */
const day = (text: string) => {
  const [y, m, d, hh = 0, mm = 0] = text.split(/[- :]/).map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, hh, mm));
};

const rowValues = (sheet: ExcelJS.Worksheet, row: number) =>
  (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1);

/** The header cell whose first line is `zh`. */
function columnOf(sheet: ExcelJS.Worksheet, zh: string): number {
  const headers = rowValues(sheet, 1).map((v) => String(v).split('\n')[0]);
  const index = headers.indexOf(zh);
  expect(index, `column ${zh}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

const DEFAULT_WIDTH = 8.43; // Excel's default column width

describe('attendance file names', () => {
  it('names files in Chinese by report, month and team', () => {
    expect(attendanceFileName(zh, 'summary', 'xlsx', '2026-11', '客服一组')).toBe(
      '考勤月报-2026年11月-客服一组.xlsx',
    );
    expect(attendanceFileName(zh, 'detail', 'csv', '2026-11', null)).toBe(
      '考勤明细-2026年11月-全部班组.csv',
    );
    expect(attendanceFileName(zh, 'summary', 'csv', '2027-01', null)).toBe(
      '考勤月报-2027年1月-全部班组.csv',
    );
  });

  it('keeps characters Windows refuses out of the name', () => {
    const name = attendanceFileName(zh, 'summary', 'xlsx', '2026-11', 'A/B:C*?"<>|组. ');
    expect(name).toBe('考勤月报-2026年11月-A_B_C______组.xlsx');
    expect(name).not.toMatch(/[\\/:*?"<>|]/);
    expect(attendanceFileName(zh, 'detail', 'xlsx', '2026-11', '...')).toBe(
      '考勤明细-2026年11月-全部班组.xlsx',
    );
  });
});

describe('attendance XLSX: month summary', () => {
  it('writes a styled people sheet with the summary figures', async () => {
    const workbook = await load(await attendanceXlsx(zh, 'summary', data));
    expect(workbook.creator).toBe('值班主管控制台');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['考勤月报', '班组汇总', '说明']);
    const sheet = workbook.getWorksheet('考勤月报')!;

    expect(rowValues(sheet, 1)).toEqual([
      '工号',
      '姓名',
      '班组',
      '应出勤',
      '实出勤',
      '迟到次数',
      '迟到分钟',
      '早退次数',
      '早退分钟',
      '缺卡',
      '旷工天数',
      '请假-事假',
      '请假-病假',
      '加班小时',
      '未记录',
      '出勤率',
    ]);
    // Header style, frozen header, filter on it.
    const header = sheet.getCell(1, 1);
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(header.border?.bottom?.style).toBe('thin');
    expect(header.alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();

    // Figures as numbers, exactly MonthSummary's; the rate as a real number shown as a percentage.
    expect(rowValues(sheet, 2)).toEqual([
      'KF1001',
      '王芳',
      '客服一组',
      22,
      20,
      2,
      47,
      1,
      20,
      0,
      1.5,
      1,
      0,
      4.5,
      0,
      20 / 22,
    ]);
    const rate = sheet.getCell(2, columnOf(sheet, '出勤率'));
    expect(rate.value).toBeCloseTo(0.909, 3);
    expect(rate.numFmt).toBe('0.0%');
    // A name that looks like a formula stays text in XLSX.
    expect(sheet.getCell(3, 2).value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell(3, 2).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.rowCount).toBe(3);
  });

  it('sizes columns for Chinese text', async () => {
    const workbook = await load(await attendanceXlsx(zh, 'summary', data));
    const sheet = workbook.getWorksheet('考勤月报')!;
    for (const zh of ['姓名', '班组', '应出勤', '请假-事假', '出勤率']) {
      expect(sheet.getColumn(columnOf(sheet, zh)).width).toBeGreaterThan(DEFAULT_WIDTH);
    }
    // 应出勤 is 3 CJK characters: 6 units, wider than its 3 characters.
    expect(displayWidth('应出勤')).toBe(6);
    expect(sheet.getColumn(columnOf(sheet, '应出勤')).width).toBeGreaterThanOrEqual(10);
  });

  it('writes team totals on their own sheet', async () => {
    const workbook = await load(await attendanceXlsx(zh, 'summary', data));
    const teams = workbook.getWorksheet('班组汇总')!;
    expect(rowValues(teams, 1)[0]).toBe('班组');
    expect(rowValues(teams, 2)).toEqual([
      '客服一组',
      43,
      39,
      2,
      47,
      1,
      20,
      0,
      1.5,
      1,
      2,
      4.5,
      0,
      39 / 43,
    ]);
    expect(teams.getCell(2, 14).numFmt).toBe('0.0%');
    expect(teams.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('explains the statuses and figures in a legend sheet', async () => {
    const workbook = await load(await attendanceXlsx(zh, 'summary', data));
    const legend = workbook.getWorksheet('说明')!;
    const items = legend.getColumn(1).values.map(String);
    for (const item of [
      '月份',
      '到岗',
      '迟到',
      '早退',
      '迟到+早退',
      '旷工',
      '请假',
      '出差',
      '休息日加班',
      '出勤率',
      '旷工天数',
      '加班小时',
      '未记录',
    ]) {
      expect(items).toContain(item);
    }
    const text = (item: string) => {
      const row = items.indexOf(item);
      return String(legend.getCell(row, 2).value);
    };
    expect(text('出勤率')).toContain('（实出勤 − 迟到折算的旷工天数）÷ 应出勤');
    expect(text('缺卡')).toContain('只有上班或下班一次');
    expect(text('旷工天数')).toMatch(/1 天.*0\.5 天/);
    expect(text('月结')).toContain('未月结');
    // Long explanations wrap within a bounded column, on a row tall enough to show them.
    expect(legend.getColumn(2).width).toBe(50);
    const late = items.indexOf('迟到');
    expect(legend.getCell(late, 2).alignment?.wrapText).toBe(true);
    expect(legend.getRow(late).height).toBeGreaterThan(30);
  });

  it('says when and by whom a closed month was closed', async () => {
    const closed = {
      ...data,
      summary: { ...summary, closed: true, closedAt: '2026-12-02T02:00:00.000Z', closedBy: 'hr' },
    };
    const legend = (await load(await attendanceXlsx(zh, 'summary', closed))).getWorksheet('说明')!;
    const row = legend.getColumn(1).values.map(String).indexOf('月结');
    // Shown in the desk's local time, like the audit export.
    const at = format(new Date('2026-12-02T02:00:00.000Z'), 'yyyy-MM-dd HH:mm');
    expect(String(legend.getCell(row, 2).value)).toContain(`已月结（${at}，hr）`);
  });

  it('keeps a column for a retired leave type still on record', async () => {
    const used = {
      ...data,
      summary: {
        ...summary,
        people: summary.people.map((p, i) => (i ? p : { ...p, leave: { ...p.leave, '3': 1 } })),
      },
    };
    const sheet = (await load(await attendanceXlsx(zh, 'summary', used))).getWorksheet('考勤月报')!;
    expect(sheet.getCell(2, columnOf(sheet, '请假-婚假')).value).toBe(1);
    expect(sheet.getCell(3, columnOf(sheet, '请假-婚假')).value).toBe(0);
  });
});

describe('attendance XLSX: detail', () => {
  it('lists every record, sorted, with Chinese names and real dates', async () => {
    const workbook = await load(await attendanceXlsx(zh, 'detail', data));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['考勤明细', '说明']);
    const sheet = workbook.getWorksheet('考勤明细')!;
    expect(rowValues(sheet, 1).map((v) => String(v).split('\n')[0])).toEqual([
      '日期',
      '工号',
      '姓名',
      '班组',
      '班次',
      '计划上班',
      '计划下班',
      '上班打卡',
      '下班打卡',
      '状态',
      '迟到分钟',
      '早退分钟',
      '加班（分钟）',
      '旷工天数',
      '假别',
      '备注',
      '记录来源',
      '记录人',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(5);
    const column = (zh: string) =>
      [2, 3, 4, 5].map((r) => sheet.getCell(r, columnOf(sheet, zh)).value);
    expect(column('日期')).toEqual(
      ['2026-11-02', '2026-11-02', '2026-11-08', '2026-11-30'].map(day),
    );
    expect(column('工号')).toEqual(['KF1001', 'KF1002', 'KF1001', 'KF1001']);
    expect(column('状态')).toEqual(['到岗', '请假', '休息日加班', '早退']);
    expect(column('班次')).toEqual(['早班', '早班', '休息日加班', '大夜班']);
    expect(column('假别')).toEqual(['', '病假', '', '']);
    expect(column('记录来源')).toEqual(['打卡导入', '请假登记', '点名', '更正']);
    expect(column('加班（分钟）')).toEqual([0, 0, 270, 0]);

    // The night shift: planned end and clock-out on the next day, 20 minutes early.
    expect(rowValues(sheet, 5).slice(4, 12)).toEqual([
      '大夜班',
      day('2026-11-30 22:00'),
      day('2026-12-01 08:00'),
      day('2026-11-30 21:50'),
      day('2026-12-01 07:40'),
      '早退',
      0,
      20,
    ]);
    // Real Excel dates, with the wall time in them whatever the desk's time zone.
    expect(sheet.getCell(2, 1).type).toBe(ExcelJS.ValueType.Date);
    expect(sheet.getCell(2, 1).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell(5, 6).numFmt).toBe('yyyy-mm-dd hh:mm');
    // The long Chinese remark widens its column, up to a bound.
    const remark = sheet.getColumn(columnOf(sheet, '备注')).width!;
    expect(remark).toBeGreaterThan(30);
    expect(remark).toBeLessThanOrEqual(50);
  });

  it('explains the record sources in the detail legend', async () => {
    const legend = (await load(await attendanceXlsx(zh, 'detail', data))).getWorksheet('说明')!;
    const items = legend.getColumn(1).values.map(String);
    for (const item of ['点名', '打卡导入', '更正', '调班']) {
      expect(items).toContain(item);
    }
  });
});

describe('attendance CSV', () => {
  const lines = (buffer: Buffer) => buffer.subarray(3).toString('utf8').split('\r\n');

  it('is UTF-8 with a BOM and CRLF line ends, headers in the user’s language', () => {
    const csv = attendanceCsv(zh, 'summary', data);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.subarray(3).toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(lines(csv)[0]).toBe(
      '工号,姓名,班组,应出勤,实出勤,迟到次数,迟到分钟,早退次数,早退分钟,缺卡,' +
        '旷工天数,请假-事假,请假-病假,加班小时,未记录,出勤率',
    );
  });

  it('writes the people, then the team totals under a label, with rates as percentages', () => {
    expect(lines(attendanceCsv(zh, 'summary', data))).toEqual([
      expect.any(String),
      'KF1001,王芳,客服一组,22,20,2,47,1,20,0,1.5,1,0,4.5,0,90.9%',
      // The formula-looking name is defused with a leading quote (CSV injection).
      `KF1002,"'=HYPERLINK(""http://x"")",客服一组,21,19,0,0,0,0,0,0,0,2,0,0,90.5%`,
      '',
      '班组合计',
      ',,客服一组,43,39,2,47,1,20,0,1.5,1,2,4.5,0,90.7%',
      '',
    ]);
  });

  it('leaves the rate empty when nothing was scheduled', () => {
    const none = {
      ...data,
      summary: { ...summary, people: [{ ...summary.people[0]!, ...figures({}) }], teams: [] },
    };
    expect(lines(attendanceCsv(zh, 'summary', none))[1]).toBe(
      'KF1001,王芳,客服一组,0,0,0,0,0,0,0,0,0,0,0,0,',
    );
  });

  it('writes the detail rows sorted, with the night shift on its start date', () => {
    const rows = lines(attendanceCsv(zh, 'detail', data));
    expect(rows[0]).toMatch(/^日期,工号,姓名,/);
    expect(rows[0]).toMatch(/,状态,.*,记录人$/);
    expect(rows.slice(1, 5).map((r) => r.split(',').slice(0, 2).join(','))).toEqual([
      '2026-11-02,KF1001',
      '2026-11-02,KF1002',
      '2026-11-08,KF1001',
      '2026-11-30,KF1001',
    ]);
    expect(rows[2]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(rows[4]).toBe(
      '2026-11-30,KF1001,王芳,客服一组,大夜班,2026-11-30 22:00,2026-12-01 08:00,' +
        '2026-11-30 21:50,2026-12-01 07:40,早退,0,20,0,0,,' +
        '身体不适，提前离岗，已向值班主管报备并安排同组同事顶岗,更正,lead_zhang',
    );
  });
});

describe('attendance files in English', () => {
  it('speak English only: file name, sheets, headers, statuses, leave types and sources', async () => {
    expect(attendanceFileName(en, 'summary', 'xlsx', '2026-11', null)).toBe(
      'Monthly attendance summary-November 2026-All teams.xlsx',
    );
    const summary = await load(await attendanceXlsx(en, 'summary', data));
    expect(summary.worksheets.map((s) => s.name)).toEqual(['Summary', 'Teams', 'Legend']);
    expect(rowValues(summary.getWorksheet('Summary')!, 1)).toEqual([
      'Employee no.',
      'Name',
      'Team',
      'Scheduled',
      'Worked',
      'Late arrivals',
      'Late minutes',
      'Early leaves',
      'Early-leave minutes',
      'Missing punches',
      'Absent days',
      'Leave: Personal leave',
      'Leave: Sick leave',
      'Overtime (h)',
      'Unrecorded',
      'Attendance rate',
    ]);
    const detail = (await load(await attendanceXlsx(en, 'detail', data))).getWorksheet('Records')!;
    const column = (header: string) => {
      const index = rowValues(detail, 1).indexOf(header) + 1;
      return [2, 3, 4, 5].map((r) => detail.getCell(r, index).value);
    };
    expect(column('Status')).toEqual(['Present', 'On leave', 'Rest day worked', 'Early leave']);
    expect(column('Leave type')).toEqual(['', 'Sick leave', '', '']);
    expect(column('Source')).toEqual(['Clock import', 'Leave entry', 'Roll-call', 'Correction']);
    // Nothing Chinese but the people's own names, teams and shifts, as the centre typed them.
    const words = (await load(await attendanceXlsx(en, 'summary', data)))
      .getWorksheet('Legend')!
      .getColumn(1)
      .values.map(String)
      .join(' ');
    expect(words).not.toMatch(/[\u4e00-\u9fff]/);
    expect(lines(attendanceCsv(en, 'summary', data)).at(-3)).toBe('Team totals');
  });
});

const lines = (buffer: Buffer) => buffer.subarray(3).toString('utf8').split('\r\n');
