import { sql, type Kysely } from 'kysely';
import type { StaffStatus } from '../../../shared/domain/org';
import type { Staff } from '../../../shared/contract';
import type { DB } from '../../schema';

export type StaffFields = Pick<
  Staff,
  'employeeNo' | 'name' | 'teamId' | 'position' | 'seat' | 'extension' | 'phone' | 'hireDate'
>;

export interface StaffFilter {
  search?: string;
  teamId?: number;
  status?: StaffStatus;
}

function selectStaff(db: Kysely<DB>) {
  return db
    .selectFrom('staff as s')
    .leftJoin('teams as t', 't.id', 's.team_id')
    .select([
      's.id',
      's.employee_no as employeeNo',
      's.name',
      's.team_id as teamId',
      't.name as teamName',
      's.position',
      's.seat',
      's.extension',
      's.phone',
      's.hire_date as hireDate',
      's.status',
      's.left_on as leftOn',
      's.left_reason as leftReason',
      's.updated_at as updatedAt',
    ]);
}

function filtered(db: Kysely<DB>, filter: StaffFilter) {
  let query = selectStaff(db);
  if (filter.teamId !== undefined) query = query.where('s.team_id', '=', filter.teamId);
  if (filter.status !== undefined) query = query.where('s.status', '=', filter.status);
  if (filter.search) {
    // LIKE with escaped wildcards: searching for "50%" must not match everything.
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = (column: 's.name' | 's.employee_no' | 's.seat' | 's.extension') =>
      sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
    query = query.where((eb) =>
      eb.or([like('s.name'), like('s.employee_no'), like('s.seat'), like('s.extension')]),
    );
  }
  return query;
}

/** Active first, then on leave, then those who left; each in natural order of employee number. */
const ordered = (query: ReturnType<typeof filtered>) =>
  query
    .orderBy(sql`case s.status when 'active' then 0 when 'on_leave' then 1 else 2 end`)
    .orderBy(sql`natural_key(${sql.ref('s.employee_no')})`);

/** Everyone the filter matches, in the list's order: the roster export. */
export function allStaff(db: Kysely<DB>, filter: StaffFilter): Promise<Staff[]> {
  return ordered(filtered(db, filter)).execute();
}

export async function listStaff(
  db: Kysely<DB>,
  filter: StaffFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: Staff[]; total: number }> {
  const { count } = await db
    .selectFrom(filtered(db, filter).as('f'))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const rows = await ordered(filtered(db, filter))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(count) };
}

export function findStaff(db: Kysely<DB>, id: number): Promise<Staff | undefined> {
  return selectStaff(db).where('s.id', '=', id).executeTakeFirst();
}

/** Each person's last working day (null while they stay), by id. */
export async function leftDates(
  db: Kysely<DB>,
  ids: number[],
): Promise<Map<number, string | null>> {
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'left_on'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((s) => [s.id, s.left_on]));
}

/** Who belongs to a month that starts on `from`: not gone before it began; optionally one team or person. */
export function staffOfMonth(
  db: Kysely<DB>,
  from: string,
  filter: { teamId?: number | null; staffId?: number | null },
) {
  let query = db
    .selectFrom('staff')
    .select(['id', 'name', 'employee_no as employeeNo'])
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', from)]));
  if (filter.teamId) query = query.where('team_id', '=', filter.teamId);
  if (filter.staffId) query = query.where('id', '=', filter.staffId);
  return query.orderBy(sql`natural_key(${sql.ref('employee_no')})`).execute();
}

export async function staffByEmployeeNo(
  db: Kysely<DB>,
  employeeNos: string[],
): Promise<Map<string, { id: number; name: string; status: StaffStatus; teamId: number | null }>> {
  const map = new Map<
    string,
    { id: number; name: string; status: StaffStatus; teamId: number | null }
  >();
  // Chunked: SQLite limits the number of bound parameters in one statement.
  for (let i = 0; i < employeeNos.length; i += 500) {
    const rows = await db
      .selectFrom('staff')
      .select(['id', 'employee_no', 'name', 'status', 'team_id'])
      .where('employee_no', 'in', employeeNos.slice(i, i + 500))
      .execute();
    for (const row of rows)
      map.set(row.employee_no, {
        id: row.id,
        name: row.name,
        status: row.status,
        teamId: row.team_id,
      });
  }
  return map;
}

/** Whole staff rows by employee number (chunked like staffByEmployeeNo): an import's "before". */
export async function staffRowsByEmployeeNo(
  db: Kysely<DB>,
  employeeNos: string[],
): Promise<Map<string, Staff>> {
  const map = new Map<string, Staff>();
  for (let i = 0; i < employeeNos.length; i += 500) {
    const rows = await selectStaff(db)
      .where('s.employee_no', 'in', employeeNos.slice(i, i + 500))
      .execute();
    for (const row of rows) map.set(row.employeeNo, row);
  }
  return map;
}

const columns = (s: StaffFields) => ({
  employee_no: s.employeeNo,
  name: s.name,
  team_id: s.teamId,
  position: s.position,
  seat: s.seat,
  extension: s.extension,
  phone: s.phone,
  hire_date: s.hireDate,
});

export async function insertStaff(db: Kysely<DB>, s: StaffFields, at: string): Promise<number> {
  const row = await db
    .insertInto('staff')
    .values({ ...columns(s), status: 'active', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Adds many people in few statements (an import's new rows): one insert per 100 rows, each
 * well under SQLite's bound-parameter limit. Answers each new id by employee number.
 */
export async function insertStaffRows(
  db: Kysely<DB>,
  rows: readonly StaffFields[],
  at: string,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 100) {
    const inserted = await db
      .insertInto('staff')
      .values(
        rows
          .slice(i, i + 100)
          .map((s) => ({
            ...columns(s),
            status: 'active' as const,
            created_at: at,
            updated_at: at,
          })),
      )
      .returning(['id', 'employee_no'])
      .execute();
    for (const row of inserted) ids.set(row.employee_no, row.id);
  }
  return ids;
}

export async function updateStaff(
  db: Kysely<DB>,
  id: number,
  s: StaffFields & { status?: 'active' | 'on_leave' },
  at: string,
) {
  await db
    .updateTable('staff')
    .set({ ...columns(s), ...(s.status ? { status: s.status } : {}), updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function markStaffLeft(
  db: Kysely<DB>,
  id: number,
  leftOn: string,
  reason: string,
  at: string,
) {
  await db
    .updateTable('staff')
    .set({ status: 'left', left_on: leftOn, left_reason: reason, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Each person's team (null: none), for the team-scope check and filter. */
export async function teamsOfStaff(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, number | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'team_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.team_id]));
}
