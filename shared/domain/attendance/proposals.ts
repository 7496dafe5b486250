import type { AttendanceRules, AttendanceStatus } from './status';

/** Penalties the attendance rules propose; the rewards/penalties module approves them later. */
export const PROPOSAL_RULES = ['late_count', 'absence', 'missing_punch_count'] as const;
export type ProposalRule = (typeof PROPOSAL_RULES)[number];
/** A proposal the facts no longer support (a corrected absence) is withdrawn, never deleted. */
export const PROPOSAL_STATES = ['proposed', 'withdrawn'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export interface ProposalWanted {
  rule: ProposalRule;
  /** One 'late_count' and one 'missing_punch_count' per person and month; one 'absence' per absent record. */
  ruleKey: string;
  /** The attendance records the proposal rests on. */
  evidence: number[];
}

/** What the rules propose for one person's month, given that month's records. */
export function wantedProposals(
  staffId: number,
  month: string,
  records: { id: number; status: AttendanceStatus; lateMinutes: number }[],
  rules: AttendanceRules,
): ProposalWanted[] {
  const wanted: ProposalWanted[] = [];
  if (rules.absenceProposesPenalty) {
    for (const r of records.filter((r) => r.status === 'absent')) {
      wanted.push({ rule: 'absence', ruleKey: `absence:${r.id}`, evidence: [r.id] });
    }
  }
  const late = records.filter((r) => r.lateMinutes > 0);
  if (rules.lateCountForPenalty > 0 && late.length >= rules.lateCountForPenalty) {
    wanted.push({
      rule: 'late_count',
      ruleKey: `late_count:${staffId}:${month}`,
      evidence: late.map((r) => r.id),
    });
  }
  const missing = records.filter((r) => r.status === 'missing_punch');
  if (
    rules.missingPunchCountForPenalty > 0 &&
    missing.length >= rules.missingPunchCountForPenalty
  ) {
    wanted.push({
      rule: 'missing_punch_count',
      ruleKey: `missing_punch_count:${staffId}:${month}`,
      evidence: missing.map((r) => r.id),
    });
  }
  return wanted;
}
