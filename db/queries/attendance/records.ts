import type { Kysely } from 'kysely';
import type { AttendanceRecord } from '../../../shared/contract';
import type { DB } from '../../schema';

/** Attendance records: one per staff member and shift instance (the date its shift starts). */
function selectRecords(db: Kysely<DB>) {
  return db
    .selectFrom('attendance_records as r')
    .select([
      'r.id',
      'r.staff_id as staffId',
      'r.work_date as date',
      'r.shift_type_id as shiftTypeId',
      'r.planned_start as plannedStart',
      'r.planned_end as plannedEnd',
      'r.clock_in as clockIn',
      'r.clock_out as clockOut',
      'r.mark',
      'r.leave_type_id as leaveTypeId',
      'r.status',
      'r.late_minutes as lateMinutes',
      'r.early_minutes as earlyMinutes',
      'r.overtime_minutes as overtimeMinutes',
      'r.absence_days as absenceDays',
      'r.remark',
      'r.source',
      'r.recorded_by as recordedBy',
      'r.updated_at as updatedAt',
    ]);
}

export function findRecord(
  db: Kysely<DB>,
  staffId: number,
  date: string,
): Promise<AttendanceRecord | undefined> {
  return selectRecords(db)
    .where('r.staff_id', '=', staffId)
    .where('r.work_date', '=', date)
    .executeTakeFirst();
}

export async function recordsBetween(
  db: Kysely<DB>,
  from: string,
  to: string,
  filter: { staffIds?: number[] } = {},
): Promise<AttendanceRecord[]> {
  let query = selectRecords(db).where('r.work_date', '>=', from).where('r.work_date', '<=', to);
  if (filter.staffIds) {
    if (filter.staffIds.length === 0) return [];
    query = query.where('r.staff_id', 'in', filter.staffIds);
  }
  return query.orderBy('r.work_date').orderBy('r.staff_id').execute();
}

export type RecordFields = Omit<AttendanceRecord, 'id' | 'updatedAt'>;

/** Writes the one record of a staff member's shift instance, creating or replacing it. */
export async function saveRecord(db: Kysely<DB>, r: RecordFields, at: string) {
  const values = {
    shift_type_id: r.shiftTypeId,
    planned_start: r.plannedStart,
    planned_end: r.plannedEnd,
    clock_in: r.clockIn,
    clock_out: r.clockOut,
    mark: r.mark,
    leave_type_id: r.leaveTypeId,
    status: r.status,
    late_minutes: r.lateMinutes,
    early_minutes: r.earlyMinutes,
    overtime_minutes: r.overtimeMinutes,
    absence_days: r.absenceDays,
    remark: r.remark,
    source: r.source,
    recorded_by: r.recordedBy,
    updated_at: at,
  };
  await db
    .insertInto('attendance_records')
    .values({ ...values, staff_id: r.staffId, work_date: r.date, created_at: at })
    .onConflict((oc) => oc.columns(['staff_id', 'work_date']).doUpdateSet(values))
    .execute();
}
