import { failure, staffInput, toFieldIssues, type RowIssue } from '../../../../shared/contract';
import { POSITIONS, type Position } from '../../../../shared/domain/org';
import type { StaffFields } from '../../../../db/queries/org/staff';
import {
  columnReader,
  matchColumns,
  normalizeHeader as normalize,
  rejectRows,
  type TableFile,
} from '../../files/import-file';

/** The roster columns, under the names HR's spreadsheets use for them (Chinese first). */
const COLUMNS = {
  employeeNo: ['工号', '员工编号', 'employee no', 'employee no.', 'employeeno', 'id'],
  name: ['姓名', '名字', 'name'],
  team: ['班组', '组别', '小组', 'team'],
  position: ['岗位', '职位', 'position'],
  seat: ['座席', '座席号', '座位', '工位', 'seat'],
  extension: ['分机', '分机号', 'extension', 'ext'],
  phone: ['手机', '电话', '手机号', 'phone', 'mobile'],
  hireDate: ['入职日期', '入职时间', 'hire date', 'hiredate'],
} as const;
type Column = keyof typeof COLUMNS;

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

export interface RosterRow {
  line: number;
  fields: StaffFields;
}

/**
 * Checks every row and returns them all, or throws `import_rejected` listing every problem:
 * an import is applied whole or not at all.
 */
export function parseRoster(table: TableFile, teamIdByName: Map<string, number>): RosterRow[] {
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
  const readers = new Map(
    (Object.keys(COLUMNS) as Column[]).map((c) => [c, columnReader(table, columns[c])]),
  );

  const issues: RowIssue[] = [];
  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const { line } = row;
    const cell = (column: Column) => readers.get(column)!(row);
    const teamName = cell('team');
    const teamId = teamName === '' ? null : teamIdByName.get(teamName);
    if (teamId === undefined) {
      issues.push({
        row: line,
        field: 'teamId',
        key: 'errors.unknownTeamName',
        params: { value: teamName },
      });
    }
    const position = parsePosition(cell('position'));
    if (!position) {
      issues.push({
        row: line,
        field: 'position',
        key: 'errors.unknownPosition',
        params: { value: cell('position') },
      });
    }
    const parsed = staffInput.safeParse({
      employeeNo: cell('employeeNo'),
      name: cell('name'),
      teamId: teamId ?? null,
      position: position ?? 'agent',
      seat: cell('seat'),
      extension: cell('extension'),
      phone: cell('phone'),
      hireDate: parseDateText(cell('hireDate')),
    });
    if (!parsed.success) {
      for (const issue of toFieldIssues(parsed.error)) issues.push({ row: line, ...issue });
      continue;
    }
    const first = seen.get(parsed.data.employeeNo);
    if (first !== undefined) {
      issues.push({
        row: line,
        field: 'employeeNo',
        key: 'errors.importDuplicate',
        params: { value: parsed.data.employeeNo, line: first },
      });
    }
    seen.set(parsed.data.employeeNo, line);
    rows.push({ line, fields: parsed.data });
  }
  if (issues.length > 0) throw rejectRows('errors.import_rejected', issues);
  return rows;
}
