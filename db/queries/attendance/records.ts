import type { Kysely } from 'kysely';
import type { AttendanceRecord } from '../../../shared/contract';
import type { DB } from '../../schema';
import { jsonRowsTable } from '../../sqlite';

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

/** What the penalty rules read of a month's records: status and late minutes, per person. */
export function recordStatusesBetween(
  db: Kysely<DB>,
  from: string,
  to: string,
  staffIds: number[],
) {
  if (staffIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attendance_records')
    .select(['id', 'staff_id as staffId', 'status', 'late_minutes as lateMinutes'])
    .where('work_date', '>=', from)
    .where('work_date', '<=', to)
    .where('staff_id', 'in', staffIds)
    .orderBy('work_date')
    .execute();
}

/** What a clock import keeps of the records it rewrites, and what decides whether it may. */
export function importBasisBetween(db: Kysely<DB>, from: string, to: string, staffIds: number[]) {
  if (staffIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attendance_records')
    .select([
      'staff_id as staffId',
      'work_date as date',
      'source',
      'mark',
      'clock_in as clockIn',
      'clock_out as clockOut',
      'overtime_minutes as overtimeMinutes',
      'remark',
    ])
    .where('work_date', '>=', from)
    .where('work_date', '<=', to)
    .where('staff_id', 'in', staffIds)
    .execute();
}

export type RecordFields = Omit<AttendanceRecord, 'id' | 'updatedAt'>;

/** The columns a save sets; on a conflict the existing row takes the new values of each. */
const UPDATED_COLUMNS = [
  'shift_type_id',
  'planned_start',
  'planned_end',
  'clock_in',
  'clock_out',
  'mark',
  'leave_type_id',
  'status',
  'late_minutes',
  'early_minutes',
  'overtime_minutes',
  'absence_days',
  'remark',
  'source',
  'recorded_by',
  'updated_at',
] as const;

/**
 * Writes the record of each staff member's shift instance, creating or replacing it: the whole
 * list in one statement (its rows as one JSON parameter), as a clock import writes a month at once.
 */
export async function saveRecords(db: Kysely<DB>, records: RecordFields[], at: string) {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    staff_id: r.staffId,
    work_date: r.date,
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
    created_at: at,
    updated_at: at,
  }));
  const columns = Object.keys(rows[0]!) as (keyof (typeof rows)[number])[];
  await db
    .insertInto('attendance_records')
    .columns(columns)
    .expression(jsonRowsTable(columns, rows))
    .onConflict((oc) =>
      oc
        .columns(['staff_id', 'work_date'])
        .doUpdateSet((eb) =>
          Object.fromEntries(UPDATED_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)])),
        ),
    )
    .execute();
}
