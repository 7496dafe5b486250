import type { ClockMapping, RowIssue, ShiftType } from '../../../../shared/contract';
import {
  addDaysTo,
  fromWallMinutes,
  isValidDate,
  isValidDateTime,
  shiftWindowMinutes,
  wallMinutes,
} from '../../../../shared/domain/time';
import { columnReader, matchColumns, type TableFile } from '../../files/import-file';

/**
 * Clock (考勤机) and ACD login exports: each row has an employee number and one or two times
 * (a punch, or a login and a logout). Every time becomes a punch of that person; punches are
 * then given to the scheduled shift instance they fall nearest to.
 */
const COLUMN_NAMES: Record<keyof ClockMapping, readonly string[]> = {
  employeeNo: [
    '工号',
    '员工编号',
    '员工号',
    '人员编号',
    '考勤号',
    'employee no',
    'employee no.',
    'employeeno',
    'agent id',
    'id',
  ],
  date: ['日期', '考勤日期', '工作日期', 'date'],
  clockIn: [
    '上班时间',
    '上班打卡',
    '签到时间',
    '签到',
    '登录时间',
    '打卡时间',
    '时间',
    'clock in',
    'login',
    'login time',
    'punch time',
    'time',
  ],
  clockOut: [
    '下班时间',
    '下班打卡',
    '签退时间',
    '签退',
    '登出时间',
    '注销时间',
    'clock out',
    'logout',
    'logout time',
  ],
};

export function guessMapping(headers: string[]): ClockMapping | null {
  const found = matchColumns(headers, COLUMN_NAMES);
  if (!found.employeeNo || !found.clockIn) return null;
  return {
    employeeNo: found.employeeNo,
    date: found.date ?? null,
    clockIn: found.clockIn,
    clockOut: found.clockOut ?? null,
  };
}

/** A mapping fits a file when every column it names is one of the file's headers. */
export const mappingFits = (mapping: ClockMapping, headers: string[]) =>
  [mapping.employeeNo, mapping.clockIn, mapping.date, mapping.clockOut]
    .filter((c): c is string => c !== null)
    .every((c) => headers.includes(c));

/** '2026-11-03 08:02', '2026/11/3 8:02:15', '2026-11-03T08:02'; or a bare time joined to `date`. */
export function parseClock(text: string, date: string | null): string | null {
  const t = text.trim();
  if (!t) return null;
  const full = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::\d{2})?$/.exec(t);
  if (full) {
    const [, y, mo, d, h, mi] = full;
    const value = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')} ${h!.padStart(2, '0')}:${mi}`;
    return isValidDateTime(value) ? value : null;
  }
  const bare = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(t);
  if (bare && date) {
    const value = `${date} ${bare[1]!.padStart(2, '0')}:${bare[2]}`;
    return isValidDateTime(value) ? value : null;
  }
  return null;
}

function parseDateCell(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDate(date) ? date : null;
}

export interface Punch {
  employeeNo: string;
  at: string;
  line: number;
  /** From a clock-in or a clock-out column; 'any' from a file with one punch per row. */
  kind: 'in' | 'out' | 'any';
}

/** The file's punches, and a problem for every row that cannot give one. */
export function readPunches(table: TableFile, mapping: ClockMapping) {
  const punches: Punch[] = [];
  const problems: RowIssue[] = [];
  const employeeNoOf = columnReader(table, mapping.employeeNo);
  const dateOf = columnReader(table, mapping.date);
  const clockInOf = columnReader(table, mapping.clockIn);
  const clockOutOf = columnReader(table, mapping.clockOut);
  for (const row of table.rows) {
    const { line } = row;
    const employeeNo = employeeNoOf(row);
    if (!employeeNo) {
      problems.push({ row: line, field: 'employeeNo', key: 'validation.required' });
      continue;
    }
    let date: string | null = null;
    if (mapping.date) {
      date = parseDateCell(dateOf(row));
      if (!date) {
        problems.push({
          row: line,
          field: 'date',
          key: 'errors.badClockTime',
          params: { value: dateOf(row) },
        });
        continue;
      }
    }
    const inText = clockInOf(row);
    const outText = clockOutOf(row);
    const clockIn = parseClock(inText, date);
    let clockOut = parseClock(outText, date);
    if ((inText.trim() && !clockIn) || (outText.trim() && !clockOut)) {
      const bad = inText.trim() && !clockIn ? inText : outText;
      problems.push({
        row: line,
        field: inText.trim() && !clockIn ? 'clockIn' : 'clockOut',
        key: 'errors.badClockTime',
        params: { value: bad },
      });
      continue;
    }
    if (!clockIn && !clockOut) {
      problems.push({ row: line, field: 'clockIn', key: 'validation.required' });
      continue;
    }
    // A logout earlier than the login, given as bare times, is after midnight.
    if (clockIn && clockOut && clockOut <= clockIn && date && !/\d{4}/.test(outText)) {
      clockOut = fromWallMinutes(wallMinutes(clockOut) + 1440);
    }
    const labelled = mapping.clockOut !== null;
    if (clockIn) punches.push({ employeeNo, at: clockIn, line, kind: labelled ? 'in' : 'any' });
    if (clockOut) punches.push({ employeeNo, at: clockOut, line, kind: 'out' });
  }
  return { punches, problems };
}

/** A person's schedule on one date: a shift type, or null for a rest day. */
export interface PlannedCell {
  date: string;
  shiftTypeId: number | null;
}

export interface Attribution {
  date: string;
  shift: ShiftType | null;
  clockIn: string | null;
  clockOut: string | null;
  lines: number[];
}

/** How far from a shift a punch may be and still belong to it: early arrivals, late logouts. */
const REACH_MINUTES = 6 * 60;

/**
 * Gives one person's punches to their shift instances. A punch on a rest day outside every shift
 * makes a rest day worked; any other goes to the scheduled shift it falls in or nearest to (within
 * REACH_MINUTES). Per instance the earliest clock-in and the latest clock-out win; a file's column
 * says which a punch is. Punches of a one-column file count as either: with two or more, the
 * earliest is the arrival and the latest the departure; a lone one is an arrival in the first
 * half of the shift, a departure in the second. Punches with no schedule near them are unplaced.
 */
export function attributePunches(
  punches: Punch[],
  cells: PlannedCell[],
  shifts: Map<number, ShiftType>,
): { placed: Attribution[]; unplaced: Punch[] } {
  const windows = cells
    .filter((c) => c.shiftTypeId !== null && shifts.has(c.shiftTypeId))
    .map((c) => ({
      cell: c,
      shift: shifts.get(c.shiftTypeId!)!,
      ...shiftWindowMinutes(c.date, shifts.get(c.shiftTypeId!)!),
    }));
  const restDays = new Set(cells.filter((c) => c.shiftTypeId === null).map((c) => c.date));
  const groups = new Map<string, { date: string; shift: ShiftType | null; punches: Punch[] }>();
  const unplaced: Punch[] = [];
  const add = (date: string, shift: ShiftType | null, punch: Punch) => {
    const group = groups.get(date) ?? { date, shift, punches: [] };
    group.punches.push(punch);
    groups.set(date, group);
  };
  // Plain loops, no closures per punch: a month's file has tens of thousands of them.
  for (const punch of punches) {
    const at = wallMinutes(punch.at);
    let inside: (typeof windows)[number] | undefined;
    let nearest: (typeof windows)[number] | undefined;
    let nearestDistance = Infinity;
    for (const w of windows) {
      const distance = at < w.start ? w.start - at : at > w.end ? at - w.end : 0;
      if (distance === 0) {
        inside = w;
        break;
      }
      // The first of equally near windows, as a stable sort would give.
      if (distance <= REACH_MINUTES && distance < nearestDistance) {
        nearest = w;
        nearestDistance = distance;
      }
    }
    const day = punch.at.slice(0, 10);
    if (!inside && restDays.has(day)) {
      add(day, null, punch);
      continue;
    }
    const chosen = inside ?? nearest;
    if (chosen) add(chosen.cell.date, chosen.shift, punch);
    else unplaced.push(punch);
  }
  const placed = [...groups.values()].map(({ date, shift, punches: own }) => {
    const times = (kinds: Punch['kind'][]) =>
      own
        .filter((p) => kinds.includes(p.kind))
        .map((p) => p.at)
        .sort();
    const ins = times(['in', 'any']);
    const outs = times(['out', 'any']);
    let clockIn = ins[0] ?? null;
    let clockOut = outs.at(-1) ?? null;
    if (own.length === 1 && own[0]!.kind === 'any') {
      // One punch, no column to say which: the half of the shift it falls in decides.
      const window = shift ? shiftWindowMinutes(date, shift) : null;
      const firstHalf = !window || wallMinutes(own[0]!.at) < (window.start + window.end) / 2;
      clockIn = firstHalf ? own[0]!.at : null;
      clockOut = firstHalf ? null : own[0]!.at;
    }
    return { date, shift, clockIn, clockOut, lines: own.map((p) => p.line) };
  });
  return { placed, unplaced };
}

/** The dates a person's punches can reach: a day either side, for night shifts. */
export function punchRange(punches: Punch[]) {
  const days = punches.map((p) => p.at.slice(0, 10)).sort();
  return { from: addDaysTo(days[0]!, -1), to: addDaysTo(days.at(-1)!, 1) };
}
