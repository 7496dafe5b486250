import { format } from 'date-fns';
import type {
  AttendanceRecord,
  LeaveType,
  MonthSummary,
  ShiftType,
  SummaryFigures,
} from '../../../../shared/contract';
import type { AttendanceStatus } from '../../../../shared/domain/attendance';
import { safeFileName } from '../../../../shared/domain/files';
import { compareEmployeeNo } from '../../../../shared/domain/org';
import { toCsv } from '../../files/csv';
import {
  addTableSheet,
  createWorkbook,
  csvCells,
  csvHeaders,
  PERCENT,
  workbookBuffer,
  type Cell,
  type Column,
} from '../../files/xlsx';

/**
 * The attendance month report (考勤月报) and detail list (考勤明细) as XLSX and CSV, for HR and
 * payroll. Headers are bilingual whatever the UI language, since the file leaves the console; the
 * figures are MonthSummary's own, so the screen and the files never disagree.
 */

export interface DetailRow {
  record: AttendanceRecord;
  employeeNo: string;
  name: string;
  teamName: string | null;
}

export interface AttendanceExportData {
  /** 'yyyy-MM' */
  month: string;
  /** null: the whole center. */
  teamName: string | null;
  summary: MonthSummary;
  /** One row per record. */
  details: DetailRow[];
  /** Every leave type, inactive ones too: a type retired mid-month still has leave on record. */
  leaveTypes: LeaveType[];
  shiftTypes: ShiftType[];
}

type Kind = 'summary' | 'detail';
type Format = 'xlsx' | 'csv';

/** Name (zh, en) and meaning (zh, en): the detail's status column and the legend. */
type Named = readonly [zh: string, en: string, meaningZh: string, meaningEn: string];

const STATUSES: Record<AttendanceStatus, Named> = {
  present: [
    '到岗',
    'Present',
    '在宽限分钟内上班、下班。',
    'Clocked in and out within the grace minutes.',
  ],
  late: [
    '迟到',
    'Late',
    '上班晚于班次开始且超过迟到宽限分钟；迟到分钟从班次开始时间算起。',
    'Clocked in later than the shift start plus its late grace; late minutes count from the shift start.',
  ],
  early_leave: [
    '早退',
    'Early leave',
    '下班早于班次结束且超过早退宽限分钟；早退分钟算到班次结束时间。',
    'Clocked out earlier than the shift end minus its early-leave grace; minutes count to the shift end.',
  ],
  late_early: [
    '迟到+早退',
    'Late + early leave',
    '同一班次既迟到又早退。',
    'Both late and early leave on one shift.',
  ],
  absent: [
    '旷工',
    'Absent without leave',
    '已排班，未请假也未出勤（无打卡，或被标记为旷工）。',
    'Scheduled, not on leave and not at work (no clock times, or marked absent).',
  ],
  leave: ['请假', 'On leave', '按请假类型登记的请假班次。', 'On leave of a recorded leave type.'],
  business_trip: [
    '出差',
    'Business trip',
    '公出，计入实出勤。',
    'On a business trip; counts as worked.',
  ],
  rest_day_worked: [
    '休息日加班',
    'Rest day worked',
    '休息日（未排班）到岗，工作时间计为加班。',
    'Worked on a rest day (not scheduled); the time worked is overtime.',
  ],
  missing_punch: [
    '缺卡',
    'Missing punch',
    '打卡记录只有上班或下班一次；计入实出勤，需补卡或更正。',
    'Only one of the two clock punches is on record; counts as worked, to be completed or corrected.',
  ],
};

const SOURCES: Record<AttendanceRecord['source'], Named> = {
  roll_call: [
    '点名',
    'Roll-call',
    '班前点名时由班长登记。',
    'Marked by the lead at the roll-call.',
  ],
  import: [
    '打卡导入',
    'Clock import',
    '从考勤机或 ACD 登录数据导入。',
    'Imported from clock or ACD login data.',
  ],
  correction: [
    '更正',
    'Correction',
    '手工更正，原因记入审计日志。',
    'Corrected by hand; the reason is kept in the audit trail.',
  ],
  leave: ['请假登记', 'Leave entry', '由请假登记生成。', 'Created by a leave entry.'],
  swap: ['调班', 'Shift swap', '由调班/换班生成。', 'Created by a shift swap.'],
};

const TITLES: Record<Kind, readonly [zh: string, en: string]> = {
  summary: ['考勤月报', 'Monthly attendance summary'],
  detail: ['考勤明细', 'Attendance records'],
};
const ALL_TEAMS = '全部班组';
const NO_TEAM = '未分组 No team';
const REST_DAY_SHIFT = '休息日加班';

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

export function attendanceFileName(
  kind: Kind,
  format: Format,
  month: string,
  teamName: string | null,
): string {
  const team = safeFileName(teamName ?? ALL_TEAMS);
  return `${TITLES[kind][0]}-${monthLabel(month)}-${team || ALL_TEAMS}.${format}`;
}

/* ---------- columns ---------- */

/** Leave types shown as columns: the active ones, and any retired one still on record this month. */
function leaveColumns(data: AttendanceExportData): Column<SummaryFigures>[] {
  const rows: SummaryFigures[] = [...data.summary.people, ...data.summary.teams];
  return data.leaveTypes
    .filter((t) => t.active || rows.some((r) => (r.leave[String(t.id)] ?? 0) > 0))
    .map((t) => ({
      header: [`请假-${t.name}`, `Leave: ${t.code}`] as const,
      value: (r) => r.leave[String(t.id)] ?? 0,
    }));
}

function figureColumns(data: AttendanceExportData): Column<SummaryFigures>[] {
  return [
    { header: ['应出勤班次', 'Scheduled shifts'], value: (r) => r.scheduled },
    { header: ['实出勤班次', 'Worked shifts'], value: (r) => r.worked },
    { header: ['迟到次数', 'Late count'], value: (r) => r.lateCount },
    { header: ['迟到分钟', 'Late minutes'], value: (r) => r.lateMinutes },
    { header: ['早退次数', 'Early-leave count'], value: (r) => r.earlyCount },
    { header: ['早退分钟', 'Early-leave minutes'], value: (r) => r.earlyMinutes },
    { header: ['缺卡次数', 'Missing punches'], value: (r) => r.missingPunchCount },
    { header: ['旷工天数', 'Absence days'], value: (r) => r.absenceDays },
    ...leaveColumns(data),
    { header: ['加班小时', 'Overtime hours'], value: (r) => r.overtimeHours },
    { header: ['未记录班次', 'Unrecorded shifts'], value: (r) => r.unrecorded },
    { header: ['出勤率', 'Attendance rate'], value: (r) => r.attendanceRate, numFmt: PERCENT },
  ];
}

type Person = MonthSummary['people'][number];
type Team = MonthSummary['teams'][number];

function personColumns(data: AttendanceExportData): Column<Person>[] {
  return [
    { header: ['工号', 'Employee no.'], value: (p) => p.employeeNo },
    { header: ['姓名', 'Name'], value: (p) => p.name },
    { header: ['班组', 'Team'], value: (p) => p.teamName ?? '' },
    ...figureColumns(data),
  ];
}

function teamColumns(data: AttendanceExportData): Column<Team>[] {
  return [
    { header: ['班组', 'Team'], value: (t) => t.teamName ?? NO_TEAM },
    ...figureColumns(data),
  ];
}

function detailColumns(data: AttendanceExportData): Column<DetailRow>[] {
  const shiftName = new Map(data.shiftTypes.map((s) => [s.id, s.name]));
  const leaveName = new Map(data.leaveTypes.map((t) => [t.id, t.name]));
  const text = (value: string | null): Cell => value ?? '';
  return [
    { header: ['日期', 'Date'], value: (d) => d.record.date },
    { header: ['工号', 'Employee no.'], value: (d) => d.employeeNo },
    { header: ['姓名', 'Name'], value: (d) => d.name },
    { header: ['班组', 'Team'], value: (d) => text(d.teamName) },
    {
      header: ['班次', 'Shift'],
      value: ({ record: r }) =>
        r.shiftTypeId === null ? REST_DAY_SHIFT : (shiftName.get(r.shiftTypeId) ?? ''),
    },
    { header: ['计划上班', 'Planned start'], value: (d) => text(d.record.plannedStart) },
    { header: ['计划下班', 'Planned end'], value: (d) => text(d.record.plannedEnd) },
    { header: ['上班打卡', 'Clock-in'], value: (d) => text(d.record.clockIn) },
    { header: ['下班打卡', 'Clock-out'], value: (d) => text(d.record.clockOut) },
    { header: ['状态', 'Status'], value: (d) => STATUSES[d.record.status][0] },
    { header: ['迟到分钟', 'Late minutes'], value: (d) => d.record.lateMinutes },
    { header: ['早退分钟', 'Early-leave minutes'], value: (d) => d.record.earlyMinutes },
    { header: ['加班分钟', 'Overtime minutes'], value: (d) => d.record.overtimeMinutes },
    { header: ['旷工天数', 'Absence days'], value: (d) => d.record.absenceDays },
    {
      header: ['请假类型', 'Leave type'],
      value: ({ record: r }) =>
        r.leaveTypeId === null ? '' : (leaveName.get(r.leaveTypeId) ?? ''),
    },
    { header: ['备注', 'Remark'], value: (d) => text(d.record.remark), width: 20 },
    { header: ['记录来源', 'Source'], value: (d) => SOURCES[d.record.source][0] },
    { header: ['记录人', 'Recorded by'], value: (d) => d.record.recordedBy },
  ];
}

/** By date, then employee number, whatever order the rows came in. */
function sortedDetails(details: DetailRow[]): DetailRow[] {
  return [...details].sort(
    (a, b) =>
      a.record.date.localeCompare(b.record.date) || compareEmployeeNo(a.employeeNo, b.employeeNo),
  );
}

/* ---------- legend ---------- */

type LegendRow = readonly [item: string, zh: string, en: string];

const TEAMS_ROW: LegendRow = [
  '班组汇总 Teams',
  '各班组的合计；没有班组的人员合计为“未分组”。',
  'Totals per team; staff without a team are totalled as "No team".',
];

function legendRows(kind: Kind, data: AttendanceExportData): LegendRow[] {
  const { summary } = data;
  const closedAt = summary.closedAt ? format(new Date(summary.closedAt), 'yyyy-MM-dd HH:mm') : '';
  const state: LegendRow = summary.closed
    ? [
        '月结 Month closed',
        `已月结（${closedAt}，${summary.closedBy ?? ''}），数据已锁定。`,
        `Closed on ${closedAt} by ${summary.closedBy ?? ''}: the figures are final.`,
      ]
    : [
        '月结 Month closed',
        '未月结：记录仍可能更正，数据仅供参考。',
        'Not closed yet: records may still be corrected; the figures are provisional.',
      ];
  // A month in progress counts only the shifts started by the time of the export.
  const through: LegendRow[] = summary.through
    ? [
        [
          '统计截至 Counted to',
          `本月尚未结束：只计 ${summary.through} 前已开始的班次。`,
          `The month is not over: only shifts started by ${summary.through} count.`,
        ],
      ]
    : [];
  const header: LegendRow[] = [
    ['报表 Report', ...TITLES[kind]],
    ['月份 Month', monthLabel(data.month), data.month],
    ['班组 Team', data.teamName ?? ALL_TEAMS, data.teamName ?? 'All teams'],
    state,
    ...through,
  ];
  const named = ([zh, en, meaningZh, meaningEn]: Named): LegendRow => [
    `${zh} ${en}`,
    meaningZh,
    meaningEn,
  ];
  const definitions: LegendRow[] = [
    [
      '应出勤班次 Scheduled shifts',
      '本月排班表中安排的班次数，休息日不计。',
      'Shifts on the schedule this month; rest days not counted.',
    ],
    [
      '实出勤班次 Worked shifts',
      '状态为到岗、迟到、早退、迟到+早退、出差、缺卡的班次数。',
      'Shifts with status present, late, early leave, late + early leave or business trip.',
    ],
    [
      '迟到/早退次数 Late/early count',
      '迟到（早退）分钟大于 0 的班次数。',
      'Shifts with late (early-leave) minutes above 0.',
    ],
    [
      '旷工天数 Absence days',
      '旷工 = 1 天；迟到超过考勤规则规定的分钟数 = 0.5 天。',
      'Absent without leave = 1 day; late beyond the minutes set in the attendance rules = 0.5 day.',
    ],
    ['请假-… Leave: …', '按请假类型统计的请假班次数。', 'Shifts on leave, per leave type.'],
    [
      '加班小时 Overtime hours',
      '休息日加班的工作时间，加上工作日登记的加班，以小时计。',
      'Time worked on rest days plus overtime recorded on working days, in hours.',
    ],
    [
      '未记录班次 Unrecorded shifts',
      '已排班但尚无考勤记录的班次，月结前应补录。',
      'Scheduled shifts with no attendance record yet; to be completed before the month closes.',
    ],
    [
      '出勤率 Attendance rate',
      '（实出勤班次 − 迟到折算的旷工天数）÷ 应出勤班次：迟到按旷工半天计的，少算半个班次；无排班时为空。',
      '(Worked shifts − absence days counted for lateness) ÷ scheduled shifts: a late arrival counted as half a day of absence counts as half a shift; empty when nothing was scheduled.',
    ],
    [
      '缺卡次数 Missing punches',
      '打卡记录只有上班或下班一次的班次数。',
      'Shifts with only one of the two clock punches on record.',
    ],
    [
      '夜班 Night shifts',
      '跨零点的班次记在班次开始的日期。',
      'A shift crossing midnight belongs to the date it starts on.',
    ],
  ];
  return [
    ...header,
    ...Object.values(STATUSES).map(named),
    ...(kind === 'summary' ? [TEAMS_ROW] : []),
    ...definitions,
    ...(kind === 'detail' ? Object.values(SOURCES).map(named) : []),
  ];
}

const LEGEND_COLUMNS: Column<LegendRow>[] = [
  { header: ['项目', 'Item'], value: (r) => r[0] },
  { header: '说明', value: (r) => r[1] },
  { header: 'Description', value: (r) => r[2] },
];

/* ---------- builders ---------- */

export async function attendanceXlsx(kind: Kind, data: AttendanceExportData): Promise<Buffer> {
  const title = `${TITLES[kind][0]} ${monthLabel(data.month)} ${data.teamName ?? ALL_TEAMS}`;
  const workbook = createWorkbook({ title, subject: '考勤 Attendance' });
  if (kind === 'summary') {
    addTableSheet(workbook, '考勤月报 Summary', personColumns(data), data.summary.people);
    addTableSheet(workbook, '班组汇总 Teams', teamColumns(data), data.summary.teams);
  } else {
    addTableSheet(workbook, '考勤明细 Details', detailColumns(data), sortedDetails(data.details));
  }
  addTableSheet(workbook, '说明 Legend', LEGEND_COLUMNS, legendRows(kind, data));
  return workbookBuffer(workbook);
}

export function attendanceCsv(kind: Kind, data: AttendanceExportData): Buffer {
  if (kind === 'detail') {
    const columns = detailColumns(data);
    return toCsv(
      csvHeaders(columns),
      sortedDetails(data.details).map((d) => csvCells(columns, d)),
    );
  }
  // CSV has one table: the team totals follow the people under the same headers, after a label.
  const columns = personColumns(data);
  const figures = figureColumns(data);
  const teamRows = data.summary.teams.map((t) => [
    '',
    '',
    t.teamName ?? NO_TEAM,
    ...csvCells(figures, t),
  ]);
  return toCsv(csvHeaders(columns), [
    ...data.summary.people.map((p) => csvCells(columns, p)),
    [],
    ['班组合计 Team totals'],
    ...teamRows,
  ]);
}
