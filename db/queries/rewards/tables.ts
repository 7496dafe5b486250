import type { Generated } from 'kysely';
import type {
  LadderStep,
  LedgerKind,
  RecordState,
  RewardKind,
} from '../../../shared/domain/rewards';

export interface RewardsTypesTable {
  id: Generated<number>;
  code: string;
  kind: RewardKind;
  name_zh: string;
  name_en: string;
  default_points: number;
  default_amount_fen: number;
  validity_months: number;
  ladder_step: LadderStep;
  published_on: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface RewardsReasonsTable {
  id: Generated<number>;
  code: string;
  name_zh: string;
  name_en: string;
  default_type_id: number;
  red_line: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export type RecordSource = 'manual' | 'attendance';

/** One reward or penalty; its substance is locked once decided (migration 0011's triggers). */
export interface RewardsRecordsTable {
  id: Generated<number>;
  staff_id: number;
  event_date: string;
  reason_id: number;
  type_id: number;
  red_line: number;
  description: string;
  points: number;
  amount_fen: number;
  external_ref: string | null;
  agent_explanation: string | null;
  context: string | null;
  ladder_step: LadderStep;
  validity_months: number;
  expires_on: string | null;
  state: RecordState;
  source: RecordSource;
  attendance_proposal_id: number | null;
  proposed_by_user_id: number | null;
  proposed_by: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface RewardsApprovalsTable {
  id: Generated<number>;
  record_id: number;
  approver_user_id: number | null;
  approver: string;
  approver_role: string;
  decision: 'approve' | 'reject';
  reason: string | null;
  /** What the approver set, when they reduced the proposal; null when they left it. */
  points: number | null;
  amount_fen: number | null;
  at: string;
}

export interface RewardsEvidenceTable {
  record_id: number;
  entity: string;
  entity_id: number;
}

export interface RewardsLedgerTable {
  id: Generated<number>;
  record_id: number;
  staff_id: number;
  kind: LedgerKind;
  on_date: string;
  points: number;
  created_at: string;
}

/** HR's: a person's monthly base wage, for the deduction guard (migration 0012). */
export interface StaffWagesTable {
  staff_id: number;
  base_wage_fen: number;
  updated_at: string;
  updated_by: string;
}

export interface RewardsTables {
  rewards_types: RewardsTypesTable;
  rewards_reasons: RewardsReasonsTable;
  rewards_records: RewardsRecordsTable;
  rewards_approvals: RewardsApprovalsTable;
  rewards_evidence: RewardsEvidenceTable;
  rewards_ledger: RewardsLedgerTable;
  staff_wages: StaffWagesTable;
}
