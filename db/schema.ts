import type { Generated } from 'kysely';

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
  position: string;
  seat: string | null;
  extension: string | null;
  phone: string | null;
  hire_date: string | null;
  status: string;
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

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  staff_id: number | null;
  active: number;
  /** scrypt$N$r$p$salt$hash — never leaves the backend, never enters the audit trail. */
  password_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Append-only (triggers refuse UPDATE and DELETE); each row's hash covers the previous row's hash. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface LeaveTypesTable {
  id: Generated<number>;
  code: string;
  name: string;
  paid: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** One row per staff per shift instance; status and minutes come from classifyAttendance. */
export interface AttendanceRecordsTable {
  id: Generated<number>;
  staff_id: number;
  work_date: string;
  shift_type_id: number | null;
  planned_start: string | null;
  planned_end: string | null;
  clock_in: string | null;
  clock_out: string | null;
  mark: string | null;
  leave_type_id: number | null;
  status: string;
  late_minutes: number;
  early_minutes: number;
  overtime_minutes: number;
  absence_days: number;
  remark: string | null;
  source: string;
  recorded_by: string;
  created_at: string;
  updated_at: string;
}

export interface ShiftSwapsTable {
  id: Generated<number>;
  staff_a_id: number;
  staff_b_id: number;
  first_date: string;
  second_date: string | null;
  reason: string;
  approved_by: string;
  approved_at: string;
}

export interface AttendanceMonthsTable {
  month: string;
  closed_at: string;
  closed_by: string;
}

export interface PenaltyProposalsTable {
  id: Generated<number>;
  staff_id: number;
  month: string;
  rule: string;
  rule_key: string;
  state: string;
  created_at: string;
  updated_at: string;
}

export interface PenaltyProposalEvidenceTable {
  proposal_id: number;
  attendance_id: number;
}

export interface HandoversTable {
  id: Generated<number>;
  work_date: string;
  shift_type_id: number;
  team_id: number | null;
  team_key: number;
  state: string;
  outgoing_user_id: number;
  outgoing_name: string;
  incoming_user_id: number | null;
  incoming_name: string | null;
  staffing_remark: string | null;
  seats_status: string | null;
  calls_offered: number | null;
  calls_answered: number | null;
  calls_abandoned: number | null;
  service_level: number | null;
  aht_seconds: number | null;
  notices: string | null;
  escalations: string | null;
  remarks: string | null;
  dispute_remark: string | null;
  submitted_at: string | null;
  acknowledged_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface HandoverItemsTable {
  id: Generated<number>;
  category: string;
  description: string;
  reference: string | null;
  priority: string;
  due_at: string | null;
  owner: string | null;
  team_key: number;
  status: string;
  resolution: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
}

export interface HandoverItemLinksTable {
  handover_id: number;
  item_id: number;
  carried: number;
  snapshot: string | null;
}

export interface HandoverItemEventsTable {
  id: Generated<number>;
  item_id: number;
  handover_id: number | null;
  at: string;
  user_name: string;
  action: string;
  changes: string | null;
}

export interface HandoverAddendaTable {
  id: Generated<number>;
  handover_id: number;
  author_user_id: number | null;
  author_name: string;
  at: string;
  text: string;
}

export interface HandoverSearchTable {
  /** The handover's id. */
  rowid: number;
  body: string;
}

export interface DB {
  teams: TeamsTable;
  staff: StaffTable;
  shift_types: ShiftTypesTable;
  schedule_entries: ScheduleEntriesTable;
  users: UsersTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  leave_types: LeaveTypesTable;
  attendance_records: AttendanceRecordsTable;
  shift_swaps: ShiftSwapsTable;
  attendance_months: AttendanceMonthsTable;
  penalty_proposals: PenaltyProposalsTable;
  penalty_proposal_evidence: PenaltyProposalEvidenceTable;
  handovers: HandoversTable;
  handover_items: HandoverItemsTable;
  handover_item_links: HandoverItemLinksTable;
  handover_item_events: HandoverItemEventsTable;
  handover_addenda: HandoverAddendaTable;
  handover_search: HandoverSearchTable;
}
