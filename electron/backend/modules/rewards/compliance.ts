import {
  rewardsSettings as settingsSchema,
  type ApprovalWarning,
  type RewardRecord,
  type RewardsSettings,
} from '../../../../shared/contract';
import { findType } from '../../../../db/queries/rewards/catalog';
import { sourceProposalState } from '../../../../db/queries/rewards/records';
import { approvedDeductions, baseWage } from '../../../../db/queries/rewards/wages';
import { getJsonSetting, putSetting } from '../../../../db/queries/settings/settings';
import type { HandlerContext } from '../../core/context';

const SETTINGS_KEY = 'rewards.settings';
/** 《工资支付暂行规定》第十六条: a month's deductions at most 20% of the monthly wage. */
export const DEFAULT_REWARDS_SETTINGS: RewardsSettings = { deductionShareLimit: 20 };

export function readSettings(ctx: Pick<HandlerContext, 'db'>) {
  return getJsonSetting(ctx.db, SETTINGS_KEY, settingsSchema, DEFAULT_REWARDS_SETTINGS);
}

export async function saveSettings(ctx: HandlerContext, settings: RewardsSettings) {
  const before = await readSettings(ctx);
  await putSetting(ctx.db, SETTINGS_KEY, JSON.stringify(settings), ctx.now);
  return { before, after: settings };
}

/**
 * What an approver should know before approving, as warnings, never refusals: a deduction that
 * takes the person's approved deductions of that month past the set share of their base wage
 * (only the share is said, never the wage), a type published to staff after the event, and an
 * attendance proposal withdrawn since it was filed (the record it rests on was corrected).
 */
export async function approvalWarnings(
  ctx: HandlerContext,
  record: RewardRecord,
  amountFen = record.amountFen,
): Promise<ApprovalWarning[]> {
  const warnings: ApprovalWarning[] = [];
  const type = await findType(ctx.db, record.typeId);
  if (type?.publishedOn && type.publishedOn > record.eventDate)
    warnings.push({ key: 'publishedAfter', params: { publishedOn: type.publishedOn } });
  if ((await sourceProposalState(ctx.db, record.id)) === 'withdrawn')
    warnings.push({ key: 'proposalWithdrawn', params: {} });
  if (type?.kind !== 'penalty' || amountFen === 0) return warnings;
  const wage = await baseWage(ctx.db, record.staffId);
  if (wage === null) return warnings;
  const month = record.eventDate.slice(0, 7);
  const total = (await approvedDeductions(ctx.db, record.staffId, month, record.id)) + amountFen;
  const { deductionShareLimit: limit } = await readSettings(ctx);
  // In whole numbers: total / wage > limit / 100, without a float.
  if (total * 100 > wage * limit)
    warnings.push({
      key: 'wageShare',
      params: { month, percent: Math.ceil((total * 100) / wage), limit },
    });
  return warnings;
}
