import type { Generated } from 'kysely';
import type {
  AttendanceMark,
  AttendanceSource,
  AttendanceStatus,
  ProposalRule,
  ProposalState,
} from '../../../shared/domain/attendance';

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
  mark: AttendanceMark | null;
  leave_type_id: number | null;
  status: AttendanceStatus;
  late_minutes: number;
  early_minutes: number;
  overtime_minutes: number;
  absence_days: number;
  remark: string | null;
  source: AttendanceSource;
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
  rule: ProposalRule;
  rule_key: string;
  state: ProposalState;
  created_at: string;
  updated_at: string;
}

export interface PenaltyProposalEvidenceTable {
  proposal_id: number;
  attendance_id: number;
}

export interface AttendanceTables {
  leave_types: LeaveTypesTable;
  attendance_records: AttendanceRecordsTable;
  shift_swaps: ShiftSwapsTable;
  attendance_months: AttendanceMonthsTable;
  penalty_proposals: PenaltyProposalsTable;
  penalty_proposal_evidence: PenaltyProposalEvidenceTable;
}
