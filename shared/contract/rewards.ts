import { z } from 'zod';
import {
  EVIDENCE_ENTITIES,
  LADDER_STEPS,
  LEDGER_KINDS,
  MAX_FEN,
  parseYuan,
  pointsFitKind,
  RECORD_ACTIONS,
  RECORD_STATES,
  REWARD_KINDS,
} from '../domain/rewards';
import { attendanceRules } from './attendance';
import { channel } from './channel';
import {
  empty,
  exportFile,
  id,
  isoDate,
  language,
  month,
  optionalText,
  requiredText,
} from './fields';
import {
  admins,
  everyone,
  expiryRunners,
  rewardApprovers,
  rewardDeciders,
  reportReaders,
  rewardProposers,
  wageKeepers,
} from './roles';

export const rewardKind = z.enum(REWARD_KINDS);
export const ladderStep = z.enum(LADDER_STEPS);
export const recordState = z.enum(RECORD_STATES);

/** An amount typed in yuan ('200', '12.50'): exact to the fen, never a float; read as fen. */
export const yuan = z
  .string()
  .trim()
  .refine(
    (v) => {
      const fen = parseYuan(v);
      return fen !== null && fen >= 0 && fen <= MAX_FEN;
    },
    { error: 'validation.yuan' },
  )
  .transform((v) => parseYuan(v)!);
export const points = z.number().int().min(-100).max(100);
const catalogCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9_]+$/, { error: 'validation.code' });

export const rewardType = z.object({
  id,
  code: z.string(),
  kind: rewardKind,
  nameZh: z.string(),
  nameEn: z.string(),
  defaultPoints: z.number().int(),
  defaultAmountFen: z.number().int(),
  validityMonths: z.number().int(),
  ladderStep,
  /** The day it was published to staff (a penalty applies from then on). */
  publishedOn: z.string().nullable(),
  active: z.boolean(),
});
export type RewardType = z.infer<typeof rewardType>;

export const rewardTypeInput = z
  .object({
    /** Absent: a new type. */
    id: id.nullish().transform((v) => v ?? null),
    code: catalogCode,
    kind: rewardKind,
    nameZh: requiredText(30),
    nameEn: requiredText(60),
    defaultPoints: points,
    defaultAmount: yuan.default(0),
    validityMonths: z.number().int().min(1).max(120).default(12),
    ladderStep: ladderStep.default('none'),
    publishedOn: isoDate.nullish().transform((v) => v ?? null),
    active: z.boolean().default(true),
  })
  .refine((t) => pointsFitKind(t.kind, t.defaultPoints), {
    path: ['defaultPoints'],
    error: 'validation.pointsKind',
  })
  .refine((t) => t.kind === 'penalty' || t.ladderStep === 'none', {
    path: ['ladderStep'],
    error: 'validation.rewardOffLadder',
  });

export const rewardReason = z.object({
  id,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  defaultTypeId: id,
  redLine: z.boolean(),
  active: z.boolean(),
});
export type RewardReason = z.infer<typeof rewardReason>;

export const rewardReasonInput = z.object({
  id: id.nullish().transform((v) => v ?? null),
  code: catalogCode,
  nameZh: requiredText(30),
  nameEn: requiredText(60),
  defaultTypeId: id,
  redLine: z.boolean().default(false),
  active: z.boolean().default(true),
});

export const evidenceLink = z.object({ entity: z.enum(EVIDENCE_ENTITIES), entityId: id });
/** An evidence link as a record shows it: what its chip says and where it leads. */
export const evidenceItem = evidenceLink.extend({
  /** The day it is about (an attendance record's, a handover's), a proposal's month; null if gone. */
  date: z.string().nullable(),
  /** An attendance record's status, an attendance proposal's rule, a handover item's category. */
  label: z.string().nullable(),
  /** Whose attendance it is (attendance records and proposals). */
  staffId: id.nullable(),
  /** A handover item: the handover it was first written in. */
  handoverId: id.nullable(),
});
export type EvidenceItem = z.infer<typeof evidenceItem>;

const recordFields = {
  eventDate: isoDate,
  reasonId: id,
  /** Absent: the reason's default type. */
  typeId: id.nullish().transform((v) => v ?? null),
  description: requiredText(1000, 'multiline'),
  /** Absent: the type's default points. */
  points: points.nullish().transform((v) => v ?? null),
  /** Absent: the type's default amount. */
  amount: yuan.nullish().transform((v) => v ?? null),
  /** A complaint or QA ticket number. */
  externalRef: optionalText(60),
  /** A red line's: the agent's own account, and what led to it (e.g. the customer's abuse). */
  agentExplanation: optionalText(2000, 'multiline'),
  context: optionalText(2000, 'multiline'),
  evidence: z
    .array(evidenceLink)
    .max(50)
    .default([])
    .refine((list) => new Set(list.map((e) => `${e.entity}:${e.entityId}`)).size === list.length, {
      error: 'validation.duplicateEvidence',
    }),
};

export const rewardRecord = z.object({
  id,
  staffId: id,
  staffName: z.string(),
  employeeNo: z.string(),
  teamId: id.nullable(),
  teamName: z.string().nullable(),
  eventDate: z.string(),
  reasonId: id,
  reasonZh: z.string(),
  reasonEn: z.string(),
  typeId: id,
  typeZh: z.string(),
  typeEn: z.string(),
  kind: rewardKind,
  redLine: z.boolean(),
  description: z.string(),
  points: z.number().int(),
  amountFen: z.number().int(),
  externalRef: z.string().nullable(),
  agentExplanation: z.string().nullable(),
  context: z.string().nullable(),
  ladderStep,
  /** The first day its points and warning no longer count; set on approval. */
  expiresOn: z.string().nullable(),
  state: recordState,
  source: z.enum(['manual', 'attendance']),
  proposedByUserId: id.nullable(),
  proposedBy: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  revokeReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  approvals: z.number().int(),
  approvalsNeeded: z.number().int(),
});
export type RewardRecord = z.infer<typeof rewardRecord>;

export const ledgerEvent = z.object({
  recordId: id,
  kind: z.enum(LEDGER_KINDS),
  date: z.string(),
  points: z.number().int(),
});

/** A warning before approving, not a refusal: its words are `rewards.warnings.<key>`. */
export const approvalWarning = z.discriminatedUnion('key', [
  z.object({
    key: z.literal('wageShare'),
    params: z.object({ month: z.string(), percent: z.number().int(), limit: z.number().int() }),
  }),
  z.object({ key: z.literal('publishedAfter'), params: z.object({ publishedOn: z.string() }) }),
  /** Filed from an attendance proposal that a later correction withdrew. */
  z.object({ key: z.literal('proposalWithdrawn'), params: z.object({}) }),
]);
export type ApprovalWarning = z.infer<typeof approvalWarning>;

export const rewardsSettings = z.object({
  /** The share of a monthly base wage the month's deductions may reach before approvers are warned. */
  deductionShareLimit: z.number().int().min(1).max(100),
});
export type RewardsSettings = z.infer<typeof rewardsSettings>;

const wage = z.object({ staffId: id, baseWageFen: z.number().int().nullable() });

export const rewardRecordDetail = rewardRecord.extend({
  evidence: z.array(evidenceItem),
  decisions: z.array(
    z.object({
      approverUserId: id.nullable(),
      approver: z.string(),
      approverRole: z.string(),
      decision: z.enum(['approve', 'reject']),
      reason: z.string().nullable(),
      points: z.number().int().nullable(),
      amountFen: z.number().int().nullable(),
      at: z.string(),
    }),
  ),
  ledger: z.array(ledgerEvent),
  /** What the caller may do now. */
  actions: z.array(z.enum(RECORD_ACTIONS)),
  /** For a caller who may approve it: what they should know first (compliance.ts). */
  warnings: z.array(approvalWarning),
});
export type RewardRecordDetail = z.infer<typeof rewardRecordDetail>;

export const personStanding = z.object({
  staffId: id,
  asOf: z.string(),
  balance: z.number().int(),
  warnings: z.array(
    z.object({
      recordId: id,
      typeZh: z.string(),
      typeEn: z.string(),
      step: ladderStep,
      from: z.string(),
      fallsOffOn: z.string(),
    }),
  ),
  /** The ledger up to asOf, oldest first: grants, expiries, revocations. */
  events: z.array(ledgerEvent),
  /** With a reason: the ladder's suggested step for it, and the catalog's type for that step. */
  suggestion: z
    .object({
      step: ladderStep,
      escalated: z.boolean(),
      basis: ladderStep,
      typeId: id.nullable(),
    })
    .nullable(),
});
export type PersonStanding = z.infer<typeof personStanding>;

/** Everyone's standing on one day: the balance and the warnings that count, per person. */
export const rewardsStandings = z.object({
  asOf: z.string(),
  people: z.array(
    z.object({
      staffId: id,
      name: z.string(),
      employeeNo: z.string(),
      teamId: id.nullable(),
      teamName: z.string().nullable(),
      balance: z.number().int(),
      warnings: personStanding.shape.warnings,
    }),
  ),
});
export type RewardsStandings = z.infer<typeof rewardsStandings>;

/** Who a line of a report is about. */
const reportPerson = {
  staffId: id,
  name: z.string(),
  employeeNo: z.string(),
  teamName: z.string().nullable(),
};

/** A line of the monthly report: approved records, amounts in fen, points by sign. */
const reportFigures = {
  records: z.number().int(),
  rewardFen: z.number().int(),
  deductionFen: z.number().int(),
  netFen: z.number().int(),
  pointsGained: z.number().int(),
  pointsLost: z.number().int(),
};
export const rewardsMonthReport = z.object({
  month: z.string(),
  people: z.array(
    z.object({
      ...reportPerson,
      teamId: id.nullable(),
      ...reportFigures,
      byType: z.array(z.object({ typeId: id, records: z.number().int() })),
    }),
  ),
  teams: z.array(
    z.object({ teamId: id.nullable(), teamName: z.string().nullable(), ...reportFigures }),
  ),
  byReason: z.array(
    z.object({
      reasonId: id,
      nameZh: z.string(),
      nameEn: z.string(),
      rewards: z.number().int(),
      penalties: z.number().int(),
    }),
  ),
  totals: z.object(reportFigures),
});
export type RewardsMonthReport = z.infer<typeof rewardsMonthReport>;

const whatIfFigures = z.object({
  proposals: z.number().int(),
  points: z.number().int(),
  amountFen: z.number().int(),
});
export const rewardsWhatIf = z.object({
  month: z.string(),
  /** Everyone with a proposal on either side: as it was, and under the draft. */
  people: z.array(
    z.object({
      ...reportPerson,
      actual: whatIfFigures,
      draft: whatIfFigures,
    }),
  ),
  totals: z.object({ actual: whatIfFigures, draft: whatIfFigures }),
});
export type RewardsWhatIf = z.infer<typeof rewardsWhatIf>;

const listOutput = z.object({ rows: z.array(rewardRecord), total: z.number().int() });

/** Rewards and penalties (奖惩): the catalog, records and their approval, the ledger and the ladder. */
export const rewardsChannels = {
  'rewards.catalog': channel({
    input: empty,
    output: z.object({ types: z.array(rewardType), reasons: z.array(rewardReason) }),
    roles: everyone,
    transaction: 'read',
  }),
  'rewards.catalog.saveType': channel({
    input: rewardTypeInput,
    output: rewardType,
    roles: admins,
    transaction: 'write',
  }),
  'rewards.catalog.saveReason': channel({
    input: rewardReasonInput,
    output: rewardReason,
    roles: admins,
    transaction: 'write',
  }),
  'rewards.records.propose': channel({
    input: z.object({ staffId: id, ...recordFields }),
    output: rewardRecordDetail,
    roles: rewardProposers,
    transaction: 'write',
  }),
  /** Until someone approves it: its proposer, or a manager. */
  'rewards.records.update': channel({
    input: z.object({ id, ...recordFields }),
    output: rewardRecordDetail,
    roles: rewardProposers,
    transaction: 'write',
  }),
  'rewards.records.list': channel({
    input: z.object({
      staffId: id.optional(),
      teamId: id.optional(),
      state: recordState.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(100).default(20),
    }),
    output: listOutput,
    roles: everyone,
    transaction: 'read',
  }),
  'rewards.records.get': channel({
    input: z.object({ id }),
    output: rewardRecordDetail,
    roles: everyone,
    transaction: 'read',
  }),
  /** With points or an amount: approved reduced, which needs a reason. */
  'rewards.records.approve': channel({
    input: z
      .object({
        id,
        points: points.nullish().transform((v) => v ?? null),
        amount: yuan.nullish().transform((v) => v ?? null),
        reason: optionalText(500, 'multiline'),
      })
      .refine((a) => (a.points === null && a.amount === null) || a.reason !== null, {
        path: ['reason'],
        error: 'validation.reductionReason',
      }),
    output: rewardRecordDetail,
    roles: rewardApprovers,
    transaction: 'write',
  }),
  'rewards.records.reject': channel({
    input: z.object({ id, reason: requiredText(500, 'multiline') }),
    output: rewardRecordDetail,
    roles: rewardDeciders,
    transaction: 'write',
  }),
  'rewards.records.revoke': channel({
    input: z.object({ id, reason: requiredText(500, 'multiline') }),
    output: rewardRecordDetail,
    roles: rewardDeciders,
    transaction: 'write',
  }),
  /** Several at once, all or none: one refused names its place in the list. */
  'rewards.records.approveMany': channel({
    input: z.object({
      ids: z
        .array(id)
        .min(1)
        .max(200)
        .refine((ids) => new Set(ids).size === ids.length, { error: 'validation.duplicateIds' }),
    }),
    output: z.object({ approved: z.number().int(), awaitingSecond: z.number().int() }),
    roles: rewardApprovers,
    transaction: 'write',
  }),
  /** What waits for the caller: proposals they may approve now; what they proposed, and its state. */
  'rewards.queue': channel({
    input: empty,
    output: z.object({
      /** With their evidence, one click away. */
      waiting: z.array(rewardRecord.extend({ evidence: z.array(evidenceItem) })),
      mine: z.array(rewardRecord),
    }),
    roles: everyone,
    transaction: 'read',
  }),
  /** A person as of a date (today by default): balance, active warnings, ledger; the ladder's suggestion for a reason. */
  'rewards.person': channel({
    input: z.object({
      staffId: id,
      asOf: isoDate.nullish().transform((v) => v ?? null),
      reasonId: id.nullish().transform((v) => v ?? null),
    }),
    output: personStanding,
    roles: everyone,
    transaction: 'read',
  }),
  /**
   * Everyone on the roster on a day (today by default), or one team: balance and active warnings
   * with the day each falls off, as `rewards.person` says them, in one query. A supervisor's: their teams.
   */
  'rewards.standings': channel({
    input: z.object({
      asOf: isoDate.nullish().transform((v) => v ?? null),
      teamId: id.nullish().transform((v) => v ?? null),
    }),
    output: rewardsStandings,
    roles: everyone,
    transaction: 'read',
  }),
  /** Writes the expiry events due by today; the backend also runs it at start and daily. */
  'rewards.runExpiry': channel({
    input: empty,
    output: z.object({ written: z.number().int() }),
    roles: expiryRunners,
    transaction: 'write',
  }),
  'rewards.settings': channel({
    input: empty,
    output: rewardsSettings,
    roles: everyone,
    transaction: 'read',
  }),
  'rewards.updateSettings': channel({
    input: rewardsSettings,
    output: rewardsSettings,
    roles: admins,
    transaction: 'write',
  }),
  /** A person's monthly base wage: HR's alone, never part of the roster. */
  'rewards.wages.get': channel({
    input: z.object({ staffId: id }),
    output: wage,
    roles: wageKeepers,
    transaction: 'read',
  }),
  'rewards.wages.set': channel({
    input: z.object({ staffId: id, baseWage: yuan.nullable() }),
    output: wage,
    roles: wageKeepers,
    transaction: 'write',
  }),
  /**
   * Before saving a rule or the catalog: a month's attendance replayed under the draft rules and
   * type defaults, beside what the month really had. Writes nothing.
   */
  'rewards.whatIf': channel({
    input: z.object({
      month,
      rules: attendanceRules,
      types: z
        .array(z.object({ typeId: id, defaultPoints: points, defaultAmount: yuan }))
        .max(100)
        .default([]),
    }),
    output: rewardsWhatIf,
    roles: reportReaders,
    transaction: 'read',
  }),
  /** 奖惩月报: the month's approved records per person, team and reason, for payroll. */
  'rewards.monthReport': channel({
    input: z.object({ month }),
    output: rewardsMonthReport,
    roles: everyone,
    transaction: 'read',
  }),
  'rewards.exportReport': channel({
    input: z.object({ month, format: z.enum(['xlsx', 'csv']), language }),
    output: exportFile,
    roles: reportReaders,
    transaction: 'write',
  }),
  /** 工资核算包: the attendance summary, the 奖惩 summary and a sheet per team, in one workbook. */
  'rewards.payrollPack': channel({
    input: z.object({ month, language }),
    output: exportFile,
    roles: reportReaders,
    transaction: 'write',
  }),
  /** Files the attendance rules' open proposals of a month as 奖惩 proposals, their records as evidence. */
  'rewards.fromAttendance': channel({
    input: z.object({ month }),
    output: z.object({ created: z.number().int(), recordIds: z.array(id) }),
    roles: rewardProposers,
    transaction: 'write',
  }),
} as const;
