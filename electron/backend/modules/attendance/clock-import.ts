import {
  clockMapping,
  type ClockImportPreview,
  type ClockMapping,
  type ParsedInput,
  type RowIssue,
} from '../../../../shared/contract';
import type { AttendanceStatus } from '../../../../shared/domain/attendance';
import { monthOf } from '../../../../shared/domain/time';
import { closedMonthsAmong } from '../../../../db/queries/attendance/months';
import { importBasisBetween } from '../../../../db/queries/attendance/records';
import { scheduleCells } from '../../../../db/queries/attendance/schedule';
import { getJsonSetting, putSetting } from '../../../../db/queries/settings/settings';
import { staffByEmployeeNo } from '../../../../db/queries/org/staff';
import type { HandlerContext } from '../../core/context';
import { LISTED_ISSUES, readImportFile, rejectRows, type TableFile } from '../../files/import-file';
import { shiftTypesById } from '../org/shift-types';
import { classifyChange, readRules, saveRecordChanges, type RecordChange } from './records';
import {
  attributePunches,
  guessMapping,
  mappingFits,
  punchRange,
  readPunches,
  type PlannedCell,
  type Punch,
} from './clock-file';

/** The column mapping last applied: a center's clock export looks the same every month. */
const MAPPING_SETTING = 'attendance.clockMapping';
const PREVIEW_ROWS = 200;

function savedMapping(ctx: HandlerContext): Promise<ClockMapping | null> {
  return getJsonSetting(ctx.db, MAPPING_SETTING, clockMapping.nullable(), null);
}

interface ImportPlan {
  preview: ClockImportPreview;
  /** Every problem; the preview lists the first LISTED_ISSUES. */
  problems: RowIssue[];
  changes: (RecordChange & { employeeNo: string; name: string; status: AttendanceStatus })[];
}

/** Import caps: a month of punches for a large center is well under this. */
export const CLOCK_LIMITS = { maxRows: 200_000 };

/** Reads the clock file in the import worker, before the channel's transaction. */
export const readClockFile = (input: { fileName: string; contentBase64: string }) =>
  readImportFile(input.fileName, input.contentBase64, { limits: CLOCK_LIMITS });

/**
 * Works out everything the file (already read) would change, without writing anything. The
 * schedule, records and closed months of everyone in the file are read in one query each.
 */
async function planImport(
  ctx: HandlerContext,
  input: ParsedInput<'attendance.previewImport'>,
  table: TableFile,
): Promise<ImportPlan> {
  const saved = await savedMapping(ctx);
  const mapping =
    input.mapping ??
    (saved && mappingFits(saved, table.headers) ? saved : guessMapping(table.headers));
  const result = (
    problems: RowIssue[],
    changes: ImportPlan['changes'] = [],
    kept = 0,
  ): ImportPlan => ({
    changes,
    problems,
    preview: {
      headers: table.headers,
      mapping,
      rows: table.rows.length,
      changes: changes.slice(0, PREVIEW_ROWS).map((c) => ({
        employeeNo: c.employeeNo,
        name: c.name,
        date: c.date,
        shiftTypeId: c.shift?.id ?? null,
        clockIn: c.clockIn,
        clockOut: c.clockOut,
        status: c.status,
      })),
      changeCount: changes.length,
      kept,
      problems: problems.slice(0, LISTED_ISSUES),
      problemCount: problems.length,
    },
  });
  if (!mapping || !mappingFits(mapping, table.headers)) {
    return result([{ row: 1, field: 'mapping', key: 'errors.importNeedsMapping' }]);
  }
  if (table.rows.length === 0)
    return result([{ row: 1, field: 'contentBase64', key: 'errors.importEmpty' }]);

  const { punches, problems } = readPunches(table, mapping);
  const staff = await staffByEmployeeNo(ctx.db, [...new Set(punches.map((p) => p.employeeNo))]);
  const byPerson = new Map<number, Punch[]>();
  for (const punch of punches) {
    const person = staff.get(punch.employeeNo);
    if (!person) {
      problems.push({
        row: punch.line,
        field: 'employeeNo',
        key: 'errors.unknownEmployeeNo',
        params: { value: punch.employeeNo },
      });
      continue;
    }
    // A supervisor imports their own teams' punches only.
    if (!ctx.teams.ownsStaff(person.teamId)) {
      problems.push({
        row: punch.line,
        field: 'employeeNo',
        key: 'errors.otherTeamStaff',
        params: { value: punch.employeeNo },
      });
      continue;
    }
    const own = byPerson.get(person.id);
    if (own) own.push(punch);
    else byPerson.set(person.id, [punch]);
  }
  const names = new Map([...staff.values()].map((p) => [p.id, p.name]));
  const shifts = await shiftTypesById(ctx);
  const rules = await readRules(ctx);
  const changes: ImportPlan['changes'] = [];
  let kept = 0;
  const staffIds = [...byPerson.keys()];
  const key = (staffId: number, date: string) => `${staffId}|${date}`;
  const cellsOf = new Map<number, PlannedCell[]>();
  const records = new Map<string, Awaited<ReturnType<typeof importBasisBetween>>[number]>();
  const closed = new Set<string>();
  if (staffIds.length > 0) {
    const { from, to } = punchRange([...byPerson.values()].flat());
    for (const cell of await scheduleCells(ctx.db, staffIds, from, to)) {
      const own = cellsOf.get(cell.staffId);
      if (own) own.push(cell);
      else cellsOf.set(cell.staffId, [cell]);
    }
    for (const r of await importBasisBetween(ctx.db, from, to, staffIds))
      records.set(key(r.staffId, r.date), r);
    // Every month a placed shift can fall in: the punches' own, and a day either side.
    const months = new Set([monthOf(from), monthOf(to), ...punches.map((p) => monthOf(p.at))]);
    for (const month of await closedMonthsAmong(ctx.db, [...months])) closed.add(month);
  }
  for (const [staffId, own] of byPerson) {
    const { placed, unplaced } = attributePunches(own, cellsOf.get(staffId) ?? [], shifts);
    for (const punch of unplaced) {
      problems.push({
        row: punch.line,
        field: 'clockIn',
        key: 'errors.unscheduledPunch',
        params: { value: punch.at },
      });
    }
    for (const a of placed) {
      // A closed month keeps its records: the punch of a night shift that ended on the 1st
      // must not hold up the new month's file.
      if (closed.has(monthOf(a.date))) {
        kept++;
        continue;
      }
      const existing = records.get(key(staffId, a.date));
      // A lead's correction, a leave or a business trip outranks the clock.
      if (existing && (existing.source === 'correction' || existing.mark)) {
        kept++;
        continue;
      }
      const change: RecordChange = {
        staffId,
        date: a.date,
        shift: a.shift,
        clockIn: a.clockIn ?? existing?.clockIn ?? null,
        clockOut: a.clockOut ?? existing?.clockOut ?? null,
        mark: null,
        leaveTypeId: null,
        overtimeMinutes: existing?.overtimeMinutes,
        remark: existing?.remark ?? null,
        source: 'import',
      };
      const { status } = classifyChange(change, rules);
      changes.push({
        ...change,
        status,
        employeeNo: own[0]!.employeeNo,
        name: names.get(staffId) ?? '',
      });
    }
  }
  // A row whose clock-in and clock-out both go astray is one problem, not two.
  const seen = new Set<string>();
  const distinct = problems.filter((p) => {
    const key = `${p.row}|${p.key}`;
    return !seen.has(key) && !!seen.add(key);
  });
  distinct.sort((x, y) => x.row - y.row);
  // Plain comparison: dates are ISO, employee numbers ASCII (localeCompare costs far more).
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  changes.sort((x, y) => order(x.date, y.date) || order(x.employeeNo, y.employeeNo));
  return result(distinct, changes, kept);
}

/** What the file would change, without writing anything. */
export async function previewClockImport(
  ctx: HandlerContext,
  input: ParsedInput<'attendance.previewImport'>,
  table: TableFile,
) {
  return (await planImport(ctx, input, table)).preview;
}

/** Applies the whole file or nothing: any problem row refuses it, the problems listed. */
export async function applyClockImport(
  ctx: HandlerContext,
  input: ParsedInput<'attendance.applyImport'>,
  table: TableFile,
) {
  const { preview, changes, problems } = await planImport(ctx, input, table);
  if (problems.length > 0) throw rejectRows('errors.importProblems', problems);
  await saveRecordChanges(ctx, changes);
  // The mapping that worked is the one to offer next month.
  await putSetting(ctx.db, MAPPING_SETTING, JSON.stringify(preview.mapping), ctx.now);
  return { applied: changes.length, kept: preview.kept, rows: preview.rows, changes };
}
