/** The policy catalog (奖惩制度): reward and penalty types, and the reasons they apply to. */
export const REWARD_KINDS = ['reward', 'penalty'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

/**
 * The discipline ladder (纪律处分阶梯), lowest first. `none` is a type off the ladder (a bonus, a
 * deduction); the others are the warnings a person climbs when they keep offending.
 */
export const LADDER_STEPS = ['none', 'verbal', 'written', 'final', 'dismissal'] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

export const ladderRank = (step: LadderStep) => LADDER_STEPS.indexOf(step);

/** Points a type's kind allows: rewards give, penalties take. */
export function pointsFitKind(kind: RewardKind, points: number) {
  return kind === 'reward' ? points >= 0 : points <= 0;
}

/** The reason each attendance rule's proposal is filed under (see attendance's PROPOSAL_RULES). */
export const ATTENDANCE_RULE_REASONS = {
  late_count: 'late',
  absence: 'absence',
  missing_punch_count: 'missing_punch',
} as const;

/** What a record's evidence may point at: one generic link (entity + id), shown as a chip. */
export const EVIDENCE_ENTITIES = [
  'attendance_record',
  'attendance_proposal',
  'handover_item',
] as const;
export type EvidenceEntity = (typeof EVIDENCE_ENTITIES)[number];

/**
 * An approver may lower a proposal, never raise it: the same sign (a reward stays a reward), no
 * further from zero than proposed.
 */
export function isReduction(proposed: number, approved: number) {
  return (
    Math.abs(approved) <= Math.abs(proposed) &&
    (approved === 0 || Math.sign(approved) === Math.sign(proposed))
  );
}
