import type { Kysely, Selectable } from 'kysely';
import type { LeaveType } from '../../../shared/contract';
import type { DB } from '../../schema';
import type { LeaveTypesTable } from './tables';

const COLUMNS = ['id', 'code', 'name', 'paid', 'active'] as const;

/** One leave type as the contract has it: the integer flags read as booleans. */
const toLeaveType = (
  row: Pick<Selectable<LeaveTypesTable>, (typeof COLUMNS)[number]>,
): LeaveType => ({
  ...row,
  paid: row.paid === 1,
  active: row.active === 1,
});

const columns = (t: Omit<LeaveType, 'id'>) => ({
  code: t.code,
  name: t.name,
  paid: t.paid ? 1 : 0,
  active: t.active ? 1 : 0,
});

export async function listLeaveTypes(db: Kysely<DB>): Promise<LeaveType[]> {
  const rows = await db.selectFrom('leave_types').select(COLUMNS).orderBy('id').execute();
  return rows.map(toLeaveType);
}

export async function findLeaveType(db: Kysely<DB>, id: number): Promise<LeaveType | undefined> {
  const row = await db
    .selectFrom('leave_types')
    .select(COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toLeaveType(row);
}

export async function insertLeaveType(db: Kysely<DB>, t: Omit<LeaveType, 'id'>, at: string) {
  const row = await db
    .insertInto('leave_types')
    .values({ ...columns(t), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateLeaveType(db: Kysely<DB>, t: LeaveType, at: string) {
  await db
    .updateTable('leave_types')
    .set({ ...columns(t), updated_at: at })
    .where('id', '=', t.id)
    .execute();
}
