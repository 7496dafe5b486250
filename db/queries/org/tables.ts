import type { Generated } from 'kysely';
import type { Position, StaffStatus } from '../../../shared/domain/org';

/** The organization's tables: teams, staff, shift types and the schedule. */
/** Kysely's view of the tables. Column names are snake_case in SQL, mapped to camelCase in queries. */
export interface TeamsTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  lead_staff_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface StaffTable {
  id: Generated<number>;
  employee_no: string;
  name: string;
  team_id: number | null;
  position: Position;
  seat: string | null;
  extension: string | null;
  phone: string | null;
  hire_date: string | null;
  status: StaffStatus;
  left_on: string | null;
  left_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ShiftTypesTable {
  id: Generated<number>;
  code: string;
  name: string;
  start_time: string;
  end_time: string;
  break_minutes: number;
  late_grace_minutes: number;
  early_leave_grace_minutes: number;
  color: string;
  active: number;
  created_at: string;
  updated_at: string;
}

/** staff × date → shift type, or rest day when shift_type_id is null. No row: not scheduled. */
export interface ScheduleEntriesTable {
  staff_id: number;
  work_date: string;
  shift_type_id: number | null;
  updated_at: string;
}

export interface OrgTables {
  teams: TeamsTable;
  staff: StaffTable;
  shift_types: ShiftTypesTable;
  schedule_entries: ScheduleEntriesTable;
}
