import type { Kysely } from 'kysely';
import type { ShiftType } from '../../../shared/contract';
import type { DB } from '../../schema';

export type ShiftTypeFields = Omit<ShiftType, 'id'>;

function selectShiftTypes(db: Kysely<DB>) {
  return (
    db
      .selectFrom('shift_types')
      .select([
        'id',
        'code',
        'name',
        'start_time as startTime',
        'end_time as endTime',
        'break_minutes as breakMinutes',
        'late_grace_minutes as lateGraceMinutes',
        'early_leave_grace_minutes as earlyLeaveGraceMinutes',
        'color',
        'active',
      ])
      // Creation order: the defaults read 早班, 中班, 夜班 as a day runs, not sorted by clock time.
      .orderBy('id')
  );
}

type Row = Awaited<ReturnType<ReturnType<typeof selectShiftTypes>['executeTakeFirstOrThrow']>>;
const toShiftType = (row: Row): ShiftType => ({ ...row, active: row.active === 1 });

export async function listShiftTypes(db: Kysely<DB>): Promise<ShiftType[]> {
  return (await selectShiftTypes(db).execute()).map(toShiftType);
}

export async function findShiftType(db: Kysely<DB>, id: number): Promise<ShiftType | undefined> {
  const row = await selectShiftTypes(db).where('id', '=', id).executeTakeFirst();
  return row && toShiftType(row);
}

const columns = (s: ShiftTypeFields) => ({
  code: s.code,
  name: s.name,
  start_time: s.startTime,
  end_time: s.endTime,
  break_minutes: s.breakMinutes,
  late_grace_minutes: s.lateGraceMinutes,
  early_leave_grace_minutes: s.earlyLeaveGraceMinutes,
  color: s.color,
  active: s.active ? 1 : 0,
});

export async function insertShiftType(db: Kysely<DB>, s: ShiftTypeFields, at: string) {
  const row = await db
    .insertInto('shift_types')
    .values({ ...columns(s), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateShiftType(db: Kysely<DB>, id: number, s: ShiftTypeFields, at: string) {
  await db
    .updateTable('shift_types')
    .set({ ...columns(s), updated_at: at })
    .where('id', '=', id)
    .execute();
}
