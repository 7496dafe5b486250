import {
  clockMapping,
  failure,
  type ClockImportPreview,
  type ClockMapping,
  type ParsedInput,
  type RowIssue,
} from '../../../../shared/contract';
import type { AttendanceStatus } from '../../../../shared/domain/attendance';
import { monthOf } from '../../../../shared/domain/time';
import { closedMonthsAmong } from '../../../../db/queries/attendance/months';
import { findRecord } from '../../../../db/queries/attendance/records';
import { scheduleCells } from '../../../../db/queries/attendance/schedule';
import { getJsonSetting, putSetting } from '../../../../db/queries/settings/settings';
import { staffByEmployeeNo, staffNames } from '../../../../db/queries/org/staff';
import type { HandlerContext } from '../../core/context';
import { readImportFile } from '../../files/table-file';
import { shiftTypesById } from '../org/shift-types';
import { classifyChange, readRules, writeRecords, type RecordChange } from './records';
import {
  attributePunches,
  guessMapping,
  mappingFits,
  punchRange,
  readPunches,
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
  changes: (RecordChange & { employeeNo: string; name: string; status: AttendanceStatus })[];
}

/** Reads the file and works out everything it would change, without writing anything. */
async function planImport(
  ctx: HandlerContext,
  input: ParsedInput<'attendance.previewImport'>,
): Promise<ImportPlan> {
  const table = await readImportFile(input.fileName, input.contentBase64);
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
      problems,
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
    byPerson.set(person.id, [...(byPerson.get(person.id) ?? []), punch]);
  }
  const names = await staffNames(ctx.db, [...byPerson.keys()]);
  const shifts = await shiftTypesById(ctx);
  const rules = await readRules(ctx);
  const changes: ImportPlan['changes'] = [];
  let kept = 0;
  for (const [staffId, own] of byPerson) {
    const { from, to } = punchRange(own);
    const cells = await scheduleCells(ctx.db, [staffId], from, to);
    const { placed, unplaced } = attributePunches(own, cells, shifts);
    for (const punch of unplaced) {
      problems.push({
        row: punch.line,
        field: 'clockIn',
        key: 'errors.unscheduledPunch',
        params: { value: punch.at },
      });
    }
    const closed = new Set(
      await closedMonthsAmong(
        ctx.db,
        placed.map((a) => monthOf(a.date)),
      ),
    );
    for (const a of placed) {
      // A closed month keeps its records: the punch of a night shift that ended on the 1st
      // must not hold up the new month's file.
      if (closed.has(monthOf(a.date))) {
        kept++;
        continue;
      }
      const existing = await findRecord(ctx.db, staffId, a.date);
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
  changes.sort((x, y) => x.date.localeCompare(y.date) || x.employeeNo.localeCompare(y.employeeNo));
  return result(distinct, changes, kept);
}

/** What the file would change, without writing anything. */
export async function previewClockImport(
  ctx: HandlerContext,
  input: ParsedInput<'attendance.previewImport'>,
) {
  return (await planImport(ctx, input)).preview;
}

/** Applies the whole file or nothing: any problem row refuses it, with every problem listed. */
export async function applyClockImport(
  ctx: HandlerContext,
  input: ParsedInput<'attendance.applyImport'>,
) {
  const { preview, changes } = await planImport(ctx, input);
  if (preview.problems.length > 0) {
    throw failure('import_rejected', `${preview.problems.length} problem rows`, {
      key: 'errors.importProblems',
      params: { count: preview.problems.length },
      rows: preview.problems,
    });
  }
  await writeRecords(ctx, changes);
  // The mapping that worked is the one to offer next month.
  await putSetting(ctx.db, MAPPING_SETTING, JSON.stringify(preview.mapping), ctx.now);
  return { applied: changes.length, kept: preview.kept, rows: preview.rows };
}
