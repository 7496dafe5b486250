import type { RewardsMonthReport, RewardType } from '../../../../shared/contract';
import { safeFileName } from '../../../../shared/domain/files';
import { toCsv } from '../../files/csv';
import type { ExportText } from '../../files/export-text';
import {
  addTableSheet,
  createWorkbook,
  csvCells,
  csvHeaders,
  MONEY,
  workbookBuffer,
  type Column,
} from '../../files/xlsx';
import { addSummarySheet, type AttendanceExportData } from '../attendance/export';

/**
 * 奖惩月报 and the payroll pack (工资核算包) as files, in the user's language. Money is in yuan as
 * a number with two decimals (the fen are exact: a sum of integers, divided once for display).
 */
const F = 'rewards.file';
type Person = RewardsMonthReport['people'][number];
type Line = RewardsMonthReport['totals'];
const yuan = (fen: number) => fen / 100;

/** A report line with nothing on it: a person or team without approved records. */
export const noFigures = (): Line => ({
  records: 0,
  rewardFen: 0,
  deductionFen: 0,
  netFen: 0,
  pointsGained: 0,
  pointsLost: 0,
});

function figureColumns<R extends Line>({ t }: ExportText): Column<R>[] {
  return [
    { header: t(`${F}.columns.records`), value: (r) => r.records },
    { header: t(`${F}.columns.reward`), value: (r) => yuan(r.rewardFen), numFmt: MONEY },
    { header: t(`${F}.columns.deduction`), value: (r) => yuan(r.deductionFen), numFmt: MONEY },
    { header: t(`${F}.columns.net`), value: (r) => yuan(r.netFen), numFmt: MONEY },
    { header: t(`${F}.columns.gained`), value: (r) => r.pointsGained },
    { header: t(`${F}.columns.lost`), value: (r) => r.pointsLost },
  ];
}

const typeName = (text: ExportText, type: RewardType) =>
  text.language === 'zh-CN' ? type.nameZh : type.nameEn;

/** The people's lines: who, the figures, then a count per type that occurs this month. */
function personColumns(text: ExportText, report: RewardsMonthReport, types: RewardType[]) {
  const { t } = text;
  const used = types.filter((ty) =>
    report.people.some((p) => p.byType.some((b) => b.typeId === ty.id)),
  );
  const columns: Column<Person>[] = [
    { header: t('fields.employeeNo'), value: (p) => p.employeeNo },
    { header: t('fields.name'), value: (p) => p.name },
    { header: t('fields.teamId'), value: (p) => p.teamName ?? t(`${F}.noTeam`) },
    ...figureColumns<Person>(text),
    ...used.map((ty) => ({
      header: t(`${F}.columns.type`, { name: typeName(text, ty) }),
      value: (p: Person) => p.byType.find((b) => b.typeId === ty.id)?.records ?? 0,
    })),
  ];
  return columns;
}

export function rewardsFileName(
  text: ExportText,
  kind: 'report' | 'payroll',
  month: string,
  format: 'xlsx' | 'csv',
) {
  return `${safeFileName(text.t(`${F}.titles.${kind}`))}-${text.month(month)}.${format}`;
}

/** The 奖惩 summary's people sheet: in the report, and in the payroll pack. */
function addPeopleSheet(
  workbook: ReturnType<typeof createWorkbook>,
  text: ExportText,
  report: RewardsMonthReport,
  types: RewardType[],
) {
  addTableSheet(
    workbook,
    text.t(`${F}.sheets.people`),
    personColumns(text, report, types),
    report.people,
  );
}

export async function reportXlsx(
  text: ExportText,
  report: RewardsMonthReport,
  types: RewardType[],
) {
  const { t } = text;
  const workbook = createWorkbook({
    title: `${t(`${F}.titles.report`)} ${text.month(report.month)}`,
  });
  addPeopleSheet(workbook, text, report, types);
  type Team = RewardsMonthReport['teams'][number];
  addTableSheet(
    workbook,
    t(`${F}.sheets.teams`),
    [
      { header: t('fields.teamId'), value: (r: Team) => r.teamName ?? t(`${F}.noTeam`) },
      ...figureColumns<Team>(text),
    ],
    report.teams,
  );
  type Reason = RewardsMonthReport['byReason'][number];
  addTableSheet(
    workbook,
    t(`${F}.sheets.reasons`),
    [
      {
        header: t(`${F}.columns.reason`),
        value: (r: Reason) => (text.language === 'zh-CN' ? r.nameZh : r.nameEn),
      },
      { header: t(`${F}.columns.rewards`), value: (r: Reason) => r.rewards },
      { header: t(`${F}.columns.penalties`), value: (r: Reason) => r.penalties },
    ],
    report.byReason,
  );
  return workbookBuffer(workbook);
}

export function reportCsv(text: ExportText, report: RewardsMonthReport, types: RewardType[]) {
  const columns = personColumns(text, report, types);
  return toCsv(
    csvHeaders(columns),
    report.people.map((p) => csvCells(columns, p)),
  );
}

/**
 * 工资核算包: one workbook for payroll — the attendance summary, the 奖惩 summary, and one sheet per
 * team with each person's attendance and 奖惩 figures side by side.
 */
export async function payrollPackXlsx(
  text: ExportText,
  attendanceText: ExportText,
  attendance: AttendanceExportData,
  report: RewardsMonthReport,
  types: RewardType[],
) {
  const { t } = text;
  const workbook = createWorkbook({
    title: `${t(`${F}.titles.payroll`)} ${text.month(report.month)}`,
  });
  addSummarySheet(workbook, attendanceText, attendance);
  addPeopleSheet(workbook, text, report, types);
  // Everyone with attendance or 奖惩 this month, by team: a person may have only one of them.
  type Attendance = AttendanceExportData['summary']['people'][number];
  interface Row {
    employeeNo: string;
    name: string;
    teamName: string | null;
    attendance?: Attendance;
    rewards?: Person;
  }
  const rows = new Map<number, Row>();
  for (const p of attendance.summary.people) rows.set(p.staffId, { ...p, attendance: p });
  for (const p of report.people) rows.set(p.staffId, { ...p, ...rows.get(p.staffId), rewards: p });
  const none = noFigures();
  const a = attendanceText.t;
  const worked = (pick: (p: Attendance) => number) => (r: Row) =>
    r.attendance ? pick(r.attendance) : 0;
  const columns: Column<Row>[] = [
    { header: a('fields.employeeNo'), value: (r) => r.employeeNo },
    { header: a('fields.name'), value: (r) => r.name },
    { header: a('attendance.summary.scheduled'), value: worked((p) => p.scheduled) },
    { header: a('attendance.summary.worked'), value: worked((p) => p.worked) },
    { header: a('attendance.summary.lateCount'), value: worked((p) => p.lateCount) },
    { header: a('attendance.summary.absenceDays'), value: worked((p) => p.absenceDays) },
    ...figureColumns<Line>(text).map((c) => ({
      ...c,
      value: (r: Row) => c.value(r.rewards ?? none),
    })),
  ];
  const everyone = [...rows.values()].sort(
    (x, y) =>
      (x.teamName ?? '\uffff').localeCompare(y.teamName ?? '\uffff') ||
      x.employeeNo.localeCompare(y.employeeNo),
  );
  const used = new Set<string>();
  for (const team of new Set(everyone.map((r) => r.teamName))) {
    // Sheet names are unique and at most 31 characters in Excel.
    let name = (team ?? t(`${F}.noTeam`)).replace(/[\\/?*[\]:]/g, '_').slice(0, 31);
    for (let n = 2; used.has(name); n++) name = `${name.slice(0, 28)} ${n}`;
    used.add(name);
    addTableSheet(
      workbook,
      name,
      columns,
      everyone.filter((r) => r.teamName === team),
    );
  }
  return workbookBuffer(workbook);
}
