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

export interface CatalogType {
  code: string;
  kind: RewardKind;
  nameZh: string;
  nameEn: string;
  defaultPoints: number;
  defaultAmountFen: number;
  validityMonths: number;
  ladderStep: LadderStep;
}

export interface CatalogReason {
  code: string;
  nameZh: string;
  nameEn: string;
  /** The type it proposes by default (a code of DEFAULT_TYPES). */
  typeCode: string;
  redLine: boolean;
}

/**
 * The catalog a new console starts with. Warnings count for less time the lighter they are
 * (口头警告 3 months, 书面警告 6, 最后警告 12), as centers' 奖惩制度 usually set them; everything
 * else counts for the default 12 months.
 */
export const DEFAULT_TYPES: readonly CatalogType[] = [
  ['commendation', 'reward', '通报表扬', 'Public commendation', 2, 0, 12, 'none'],
  ['bonus', 'reward', '奖金', 'Bonus', 2, 20000, 12, 'none'],
  ['service_star', 'reward', '服务之星', 'Service star', 5, 50000, 12, 'none'],
  ['full_attendance', 'reward', '全勤奖', 'Full attendance award', 1, 10000, 12, 'none'],
  ['verbal_warning', 'penalty', '口头警告', 'Verbal warning', -1, 0, 3, 'verbal'],
  ['written_warning', 'penalty', '书面警告', 'Written warning', -3, 0, 6, 'written'],
  ['public_criticism', 'penalty', '通报批评', 'Public criticism', -2, 0, 12, 'none'],
  ['final_warning', 'penalty', '最后警告', 'Final warning', -5, 0, 12, 'final'],
  ['deduction', 'penalty', '扣款', 'Pay deduction', 0, 5000, 12, 'none'],
  ['demotion', 'penalty', '降级', 'Demotion', -5, 0, 12, 'none'],
  ['dismissal_proposal', 'penalty', '辞退建议', 'Dismissal proposal', -10, 0, 12, 'dismissal'],
].map(
  ([code, kind, nameZh, nameEn, defaultPoints, defaultAmountFen, validityMonths, ladderStep]) =>
    ({
      code,
      kind,
      nameZh,
      nameEn,
      defaultPoints,
      defaultAmountFen,
      validityMonths,
      ladderStep,
    }) as CatalogType,
);

/** The five red lines (客服天条) are the gravest: a final warning by default, never dismissal by itself. */
export const DEFAULT_REASONS: readonly CatalogReason[] = (
  [
    ['late', '迟到', 'Late arrival', 'verbal_warning', false],
    ['early_leave', '早退', 'Early leave', 'verbal_warning', false],
    ['absence', '旷工', 'Absence without leave', 'written_warning', false],
    ['missing_punch', '缺卡', 'Missing clock punch', 'verbal_warning', false],
    ['forbidden_words', '服务禁语', 'Forbidden service words', 'written_warning', false],
    ['valid_complaint', '有效投诉', 'Valid customer complaint', 'written_warning', false],
    ['qa_failed', '质检不合格', 'Failed quality check', 'verbal_warning', false],
    ['handover_breach', '违反交接班制度', 'Breach of the handover rules', 'verbal_warning', false],
    ['praise_letter', '表扬信', 'Letter of praise', 'commendation', false],
    ['zero_complaints', '零投诉', 'Zero complaints', 'commendation', false],
    ['argued_with_customer', '与客户发生争执', 'Arguing with a customer', 'final_warning', true],
    [
      'ignored_customer',
      '对客户需求置之不理',
      "Ignoring a customer's request",
      'final_warning',
      true,
    ],
    [
      'missed_appointment',
      '无故失约',
      'Missing an appointment without cause',
      'final_warning',
      true,
    ],
    [
      'leaked_customer_info',
      '未经许可传播客户信息',
      'Leaking customer information',
      'final_warning',
      true,
    ],
    ['accepted_gift', '接受客户馈赠', 'Accepting a gift from a customer', 'final_warning', true],
  ] as const
).map(([code, nameZh, nameEn, typeCode, redLine]) => ({ code, nameZh, nameEn, typeCode, redLine }));

/** The reason each attendance rule's proposal is filed under (see attendance's PROPOSAL_RULES). */
export const ATTENDANCE_RULE_REASONS = {
  late_count: 'late',
  absence: 'absence',
  missing_punch_count: 'missing_punch',
} as const;
