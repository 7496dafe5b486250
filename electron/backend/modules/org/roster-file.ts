import {
  failure,
  staffInput,
  toFieldIssues,
  type RowIssue,
  type Staff,
} from '../../../../shared/contract';
import { POSITIONS, type Position } from '../../../../shared/domain/org';
import type { StaffFields } from '../../../../db/queries/org/staff';
import {
  columnReader,
  matchColumns,
  normalizeHeader as normalize,
  type TableFile,
} from '../../files/import-file';
import { headerNames } from './roster-words';

/** The roster columns, under the names HR's spreadsheets use for them (Chinese first). */
const ALIASES = {
  employeeNo: ['工号', '员工编号', 'employee no', 'employee no.', 'employeeno', 'id'],
  name: ['姓名', '名字', 'name'],
  team: ['班组', '组别', '小组', 'team'],
  position: ['岗位', '职位', 'position'],
  seat: ['座席', '座席号', '座位', '工位', 'seat'],
  extension: ['分机', '分机号', 'extension', 'ext'],
  phone: ['手机', '电话', '手机号', 'phone', 'mobile'],
  hireDate: ['入职日期', '入职时间', 'hire date', 'hiredate'],
} as const;
type Column = keyof typeof ALIASES;
const HEADER_OF = { team: 'teamId' } as const;

/** The aliases and the screen's own headers in every language (the template's, the export's). */
const COLUMNS = Object.fromEntries(
  (Object.keys(ALIASES) as Column[]).map((c) => [
    c,
    [...ALIASES[c], ...headerNames(c === 'team' ? HEADER_OF.team : c).map((h) => normalize(h))],
  ]),
) as unknown as Record<Column, readonly string[]>;

const POSITION_NAMES: Record<string, Position> = {
  座席: 'agent',
  座席代表: 'agent',
  坐席: 'agent',
  坐席代表: 'agent',
  客服: 'agent',
  客服代表: 'agent',
  话务员: 'agent',
  班长: 'team_lead',
  组长: 'team_lead',
  主管: 'supervisor',
  值班主管: 'supervisor',
  质检: 'qa',
  质检员: 'qa',
  培训师: 'trainer',
  培训: 'trainer',
  'team lead': 'team_lead',
};

function parsePosition(text: string): Position | undefined {
  const n = normalize(text);
  if (n === '') return 'agent';
  if ((POSITIONS as readonly string[]).includes(n.replace(' ', '_')))
    return n.replace(' ', '_') as Position;
  return POSITION_NAMES[n] ?? POSITION_NAMES[text.trim()];
}

/** Accepts 2026-03-01, 2026/3/1 and 2026.3.1, as Excel users type them. */
function parseDateText(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return text.trim() === '' ? null : text.trim();
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** One row of a roster file, checked: its fields as they would be saved, or its problems. */
export interface RosterRow {
  line: number;
  employeeNo: string;
  name: string;
  /** Null when the row has a problem (`issues` says which). */
  fields: StaffFields | null;
  issues: RowIssue[];
}

/** Refuses a file without the columns every row needs; finds the others. */
function rosterColumns(table: TableFile) {
  const columns = matchColumns(table.headers, COLUMNS);
  const missing = (['employeeNo', 'name'] as const).filter((c) => !columns[c]);
  if (missing.length > 0) {
    throw failure('import_rejected', `missing columns: ${missing.join(', ')}`, {
      key: 'errors.importMissingColumns',
      params: { columns: missing.map((c) => COLUMNS[c][0]).join('、') },
      rows: missing.map((c) => ({ row: 1, field: c, key: 'errors.importMissingColumn' })),
    });
  }
  if (table.rows.length === 0) {
    throw failure('import_rejected', 'the file has no data rows', {
      key: 'errors.importEmpty',
      rows: [],
    });
  }
  return columns;
}

/** The employee numbers a file names, to read those people before checking its rows. */
export function rosterEmployeeNos(table: TableFile): string[] {
  const cell = columnReader(table, rosterColumns(table).employeeNo);
  return table.rows.map((row) => cell(row).trim());
}

/**
 * Checks every row against the roster as it is. A column the file does not have keeps each known
 * person's current value (a new person gets the default): a file of numbers and teams moves people
 * between teams without blanking their phones. A present but empty cell does clear its field.
 */
export function parseRoster(
  table: TableFile,
  teamIdByName: Map<string, number>,
  existing: Map<string, Staff>,
): RosterRow[] {
  const columns = rosterColumns(table);
  const readers = new Map(
    (Object.keys(COLUMNS) as Column[]).map((c) => [c, columnReader(table, columns[c])]),
  );
  const seen = new Map<string, number>();
  return table.rows.map((row) => {
    const { line } = row;
    const issues: RowIssue[] = [];
    const cell = (column: Column) => readers.get(column)!(row);
    const before = existing.get(cell('employeeNo').trim());
    // The file's value where it has the column, else the person's current one.
    const has = (column: Column) => columns[column] !== undefined;
    const kept = <K extends keyof StaffFields>(field: K, fallback: StaffFields[K]) =>
      before ? before[field] : fallback;

    let teamId: number | null | undefined = kept('teamId', null);
    if (has('team')) {
      const teamName = cell('team');
      teamId = teamName === '' ? null : teamIdByName.get(teamName);
      if (teamId === undefined) {
        issues.push({
          row: line,
          field: 'teamId',
          key: 'errors.unknownTeamName',
          params: { value: teamName },
        });
      }
    }
    let position: Position | undefined = kept('position', 'agent');
    if (has('position')) {
      position = parsePosition(cell('position'));
      if (!position) {
        issues.push({
          row: line,
          field: 'position',
          key: 'errors.unknownPosition',
          params: { value: cell('position') },
        });
      }
    }
    const text = (column: 'seat' | 'extension' | 'phone') =>
      has(column) ? cell(column) : kept(column, null);
    const parsed = staffInput.safeParse({
      employeeNo: cell('employeeNo'),
      name: cell('name'),
      teamId: teamId ?? null,
      position: position ?? 'agent',
      seat: text('seat'),
      extension: text('extension'),
      phone: text('phone'),
      hireDate: has('hireDate') ? parseDateText(cell('hireDate')) : kept('hireDate', null),
    });
    if (!parsed.success) {
      for (const issue of toFieldIssues(parsed.error)) issues.push({ row: line, ...issue });
    } else {
      const { employeeNo } = parsed.data;
      const first = seen.get(employeeNo);
      if (first !== undefined) {
        issues.push({
          row: line,
          field: 'employeeNo',
          key: 'errors.importDuplicate',
          params: { value: employeeNo, line: first },
        });
      } else seen.set(employeeNo, line);
      if (before?.status === 'left') {
        issues.push({
          row: line,
          field: 'employeeNo',
          key: 'errors.importLeftStaff',
          params: { value: employeeNo },
        });
      }
    }
    return {
      line,
      employeeNo: cell('employeeNo').trim(),
      name: cell('name').trim(),
      fields: issues.length === 0 && parsed.success ? parsed.data : null,
      issues,
    };
  });
}
