import { ladderRank, LADDER_STEPS, type LadderStep } from './catalog';

/** An approved record on the ladder, as the warnings need it. */
export interface LadderRecord {
  recordId: number;
  step: LadderStep;
  eventDate: string;
  /** The first day it no longer counts. */
  expiresOn: string;
  /** The day it was revoked, if it was: from then on it never counted. */
  revokedOn: string | null;
}

export interface ActiveWarning {
  recordId: number;
  step: LadderStep;
  from: string;
  /** The day it falls off (no longer counts from that day). */
  fallsOffOn: string;
}

/** The warnings that count on `asOf`, gravest first, then the one falling off first. */
export function activeWarnings(records: readonly LadderRecord[], asOf: string): ActiveWarning[] {
  return records
    .filter(
      (r) =>
        r.step !== 'none' &&
        r.eventDate <= asOf &&
        asOf < r.expiresOn &&
        (r.revokedOn === null || asOf < r.revokedOn),
    )
    .map((r) => ({
      recordId: r.recordId,
      step: r.step,
      from: r.eventDate,
      fallsOffOn: r.expiresOn,
    }))
    .sort(
      (a, b) =>
        ladderRank(b.step) - ladderRank(a.step) ||
        a.fallsOffOn.localeCompare(b.fallsOffOn) ||
        a.recordId - b.recordId,
    );
}

export interface LadderSuggestion {
  /** The step the new record should take; `none` for a reason off the ladder. */
  step: LadderStep;
  /** Higher than the reason's own step because of the warnings still active. */
  escalated: boolean;
  /** The gravest active warning it escalates from, if any. */
  basis: LadderStep;
}

const stepAbove = (step: LadderStep): LadderStep =>
  LADDER_STEPS[Math.min(ladderRank(step) + 1, LADDER_STEPS.length - 1)]!;

/**
 * The ladder's suggested step for a new offence: the reason's own step, or one above the gravest
 * active warning when that is higher (an active written warning and another written-warning
 * offence suggest a final warning; an active final warning suggests a dismissal proposal). Only a
 * suggestion: the proposer chooses the type, and nothing is ever proposed by it.
 */
export function suggestStep(
  active: readonly LadderStep[],
  reasonStep: LadderStep,
): LadderSuggestion {
  const basis = active.reduce<LadderStep>(
    (top, s) => (ladderRank(s) > ladderRank(top) ? s : top),
    'none',
  );
  if (reasonStep === 'none') return { step: 'none', escalated: false, basis };
  if (basis === 'none') return { step: reasonStep, escalated: false, basis };
  const above = stepAbove(basis);
  return ladderRank(above) > ladderRank(reasonStep)
    ? { step: above, escalated: true, basis }
    : { step: reasonStep, escalated: false, basis };
}
