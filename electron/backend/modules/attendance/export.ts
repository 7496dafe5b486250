import { format } from 'date-fns';
import type {
  AttendanceRecord,
  LeaveType,
  MonthSummary,
  ShiftType,
  SummaryFigures,
} from '../../../../shared/contract';
import { ATTENDANCE_STATUSES, ATTENDANCE_SOURCES } from '../../../../shared/domain/attendance';
import type { ExportText } from '../../files/export-text';
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
  wallTime,
  type Cell,
  type Column,
} from '../../files/xlsx';

/**
 * The attendance month report (考勤月报) and detail list (考勤明细) as XLSX and CSV, for HR and
 * payroll, in the user's language with the screen's words (export-text.ts); the figures are
 * MonthSummary's own, so the screen and the files never disagree.
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

const F = 'attendance.file';

export function attendanceFileName(
  { t, month }: ExportText,
  kind: Kind,
  format: Format,
  monthValue: string,
  teamName: string | null,
): string {
  const allTeams = t('attendance.allTeams');
  const team = safeFileName(teamName ?? allTeams);
  return `${t(`${F}.titles.${kind}`)}-${month(monthValue)}-${team || allTeams}.${format}`;
}

/* ---------- columns ---------- */

/** A default leave type by its code, in the file's language, as the screens name it. */
const leaveName = (t: ExportText['t'], type: LeaveType) =>
  t(`leaveType.${type.code}`, { defaultValue: type.name });

/** Leave types shown as columns: the active ones, and any retired one still on record this month. */
function leaveColumns({ t }: ExportText, data: AttendanceExportData): Column<SummaryFigures>[] {
  const rows: SummaryFigures[] = [...data.summary.people, ...data.summary.teams];
  return data.leaveTypes
    .filter((lt) => lt.active || rows.some((r) => (r.leave[String(lt.id)] ?? 0) > 0))
    .map((lt) => ({
      header: t(`${F}.columns.leave`, { name: leaveName(t, lt) }),
      value: (r) => r.leave[String(lt.id)] ?? 0,
    }));
}

function figureColumns(text: ExportText, data: AttendanceExportData): Column<SummaryFigures>[] {
  const { t } = text;
  return [
    { header: t('attendance.summary.scheduled'), value: (r) => r.scheduled },
    { header: t('attendance.summary.worked'), value: (r) => r.worked },
    { header: t('attendance.summary.lateCount'), value: (r) => r.lateCount },
    { header: t(`${F}.columns.lateMinutes`), value: (r) => r.lateMinutes },
    { header: t('attendance.summary.earlyCount'), value: (r) => r.earlyCount },
    { header: t(`${F}.columns.earlyMinutes`), value: (r) => r.earlyMinutes },
    { header: t('attendance.summary.missingPunch'), value: (r) => r.missingPunchCount },
    { header: t('attendance.summary.absenceDays'), value: (r) => r.absenceDays },
    ...leaveColumns(text, data),
    { header: t('attendance.summary.overtimeHours'), value: (r) => r.overtimeHours },
    { header: t('attendance.summary.unrecorded'), value: (r) => r.unrecorded },
    { header: t('attendance.summary.rate'), value: (r) => r.attendanceRate, numFmt: PERCENT },
  ];
}

type Person = MonthSummary['people'][number];
type Team = MonthSummary['teams'][number];

function personColumns(text: ExportText, data: AttendanceExportData): Column<Person>[] {
  const { t } = text;
  return [
    { header: t('fields.employeeNo'), value: (p) => p.employeeNo },
    { header: t('fields.name'), value: (p) => p.name },
    { header: t('fields.teamId'), value: (p) => p.teamName ?? '' },
    ...figureColumns(text, data),
  ];
}

function teamColumns(text: ExportText, data: AttendanceExportData): Column<Team>[] {
  const { t } = text;
  return [
    { header: t('fields.teamId'), value: (team) => team.teamName ?? t(`${F}.noTeam`) },
    ...figureColumns(text, data),
  ];
}

function detailColumns({ t }: ExportText, data: AttendanceExportData): Column<DetailRow>[] {
  const shiftName = new Map(data.shiftTypes.map((s) => [s.id, s.name]));
  const leaveNames = new Map(data.leaveTypes.map((lt) => [lt.id, leaveName(t, lt)]));
  const text = (value: string | null): Cell => value ?? '';
  return [
    { header: t('fields.date'), value: (d) => wallTime(d.record.date) },
    { header: t('fields.employeeNo'), value: (d) => d.employeeNo },
    { header: t('fields.name'), value: (d) => d.name },
    { header: t('fields.teamId'), value: (d) => text(d.teamName) },
    {
      header: t('attendance.shift'),
      value: ({ record: r }) =>
        r.shiftTypeId === null
          ? t('attendanceStatus.rest_day_worked')
          : (shiftName.get(r.shiftTypeId) ?? ''),
    },
    { header: t(`${F}.columns.plannedStart`), value: (d) => wallTime(d.record.plannedStart) },
    { header: t(`${F}.columns.plannedEnd`), value: (d) => wallTime(d.record.plannedEnd) },
    { header: t('fields.clockIn'), value: (d) => wallTime(d.record.clockIn) },
    { header: t('fields.clockOut'), value: (d) => wallTime(d.record.clockOut) },
    { header: t('fields.status'), value: (d) => t(`attendanceStatus.${d.record.status}`) },
    { header: t(`${F}.columns.lateMinutes`), value: (d) => d.record.lateMinutes },
    { header: t(`${F}.columns.earlyMinutes`), value: (d) => d.record.earlyMinutes },
    { header: t('fields.overtimeMinutes'), value: (d) => d.record.overtimeMinutes },
    { header: t('attendance.summary.absenceDays'), value: (d) => d.record.absenceDays },
    {
      header: t('fields.leaveTypeId'),
      value: ({ record: r }) =>
        r.leaveTypeId === null ? '' : (leaveNames.get(r.leaveTypeId) ?? ''),
    },
    { header: t('fields.remark'), value: (d) => text(d.record.remark), width: 20 },
    { header: t(`${F}.columns.source`), value: (d) => t(`attendance.source.${d.record.source}`) },
    { header: t('attendance.correction.recordedBy'), value: (d) => d.record.recordedBy },
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

type LegendRow = readonly [item: string, meaning: string];

function legendRows({ t, month }: ExportText, kind: Kind, data: AttendanceExportData): LegendRow[] {
  const { summary } = data;
  const L = `${F}.legend`;
  const closedAt = summary.closedAt ? format(new Date(summary.closedAt), 'yyyy-MM-dd HH:mm') : '';
  const rows: LegendRow[] = [
    [t(`${L}.report`), t(`${F}.titles.${kind}`)],
    [t(`${L}.month`), month(data.month)],
    [t(`${L}.team`), data.teamName ?? t('attendance.allTeams')],
    [
      t(`${L}.closedItem`),
      summary.closed
        ? t(`${L}.closed`, { at: closedAt, by: summary.closedBy ?? '' })
        : t(`${L}.notClosed`),
    ],
  ];
  // A month in progress counts only the shifts started by the time of the export.
  if (summary.through)
    rows.push([t(`${L}.throughItem`), t(`${L}.through`, { through: summary.through })]);
  for (const status of ATTENDANCE_STATUSES)
    rows.push([t(`attendanceStatus.${status}`), t(`${F}.statusMeaning.${status}`)]);
  if (kind === 'summary') rows.push([t(`${F}.sheets.teams`), t(`${L}.teams`)]);
  rows.push(
    [t('attendance.summary.scheduled'), t(`${L}.scheduled`)],
    [t('attendance.summary.worked'), t(`${L}.worked`)],
    [t(`${L}.lateEarlyItem`), t(`${L}.lateEarly`)],
    [t('attendance.summary.absenceDays'), t(`${L}.absenceDays`)],
    [t(`${L}.leaveItem`), t(`${L}.leave`)],
    [t('attendance.summary.overtimeHours'), t(`${L}.overtime`)],
    [t('attendance.summary.unrecorded'), t(`${L}.unrecorded`)],
    [t('attendance.summary.rate'), t(`${L}.rate`)],
    [t('attendance.summary.missingPunch'), t(`${L}.missingPunches`)],
    [t(`${L}.nightItem`), t(`${L}.night`)],
  );
  if (kind === 'detail')
    for (const source of ATTENDANCE_SOURCES)
      rows.push([t(`attendance.source.${source}`), t(`${F}.sourceMeaning.${source}`)]);
  return rows;
}

const legendColumns = ({ t }: ExportText): Column<LegendRow>[] => [
  { header: t(`${F}.columns.item`), value: (r) => r[0] },
  { header: t(`${F}.columns.meaning`), value: (r) => r[1] },
];

/* ---------- builders ---------- */

/** The month summary's people sheet, as in 考勤月报 (the payroll pack carries it too). */
export function addSummarySheet(
  workbook: Parameters<typeof addTableSheet>[0],
  text: ExportText,
  data: AttendanceExportData,
) {
  return addTableSheet(
    workbook,
    text.t(`${F}.sheets.summary`),
    personColumns(text, data),
    data.summary.people,
  );
}

export async function attendanceXlsx(
  text: ExportText,
  kind: Kind,
  data: AttendanceExportData,
): Promise<Buffer> {
  const { t, month } = text;
  const team = data.teamName ?? t('attendance.allTeams');
  const workbook = createWorkbook({
    title: `${t(`${F}.titles.${kind}`)} ${month(data.month)} ${team}`,
    subject: t('nav.attendance'),
  });
  if (kind === 'summary') {
    addSummarySheet(workbook, text, data);
    addTableSheet(workbook, t(`${F}.sheets.teams`), teamColumns(text, data), data.summary.teams);
  } else {
    addTableSheet(
      workbook,
      t(`${F}.sheets.details`),
      detailColumns(text, data),
      sortedDetails(data.details),
    );
  }
  addTableSheet(
    workbook,
    t(`${F}.sheets.legend`),
    legendColumns(text),
    legendRows(text, kind, data),
  );
  return workbookBuffer(workbook);
}

export function attendanceCsv(text: ExportText, kind: Kind, data: AttendanceExportData): Buffer {
  if (kind === 'detail') {
    const columns = detailColumns(text, data);
    return toCsv(
      csvHeaders(columns),
      sortedDetails(data.details).map((d) => csvCells(columns, d)),
    );
  }
  // CSV has one table: the team totals follow the people under the same headers, after a label.
  const columns = personColumns(text, data);
  const figures = figureColumns(text, data);
  const teamRows = data.summary.teams.map((team) => [
    '',
    '',
    team.teamName ?? text.t(`${F}.noTeam`),
    ...csvCells(figures, team),
  ]);
  return toCsv(csvHeaders(columns), [
    ...data.summary.people.map((p) => csvCells(columns, p)),
    [],
    [text.t(`${F}.teamTotals`)],
    ...teamRows,
  ]);
}
