import type { Role } from '../org';

/**
 * A reward/penalty record's life: proposed → approved | rejected; approved → revoked. Approved,
 * rejected and revoked records are final (a correction is a revoke plus a new record).
 */
export const RECORD_STATES = ['proposed', 'approved', 'rejected', 'revoked'] as const;
export type RecordState = (typeof RECORD_STATES)[number];

export const RECORD_ACTIONS = ['edit', 'approve', 'reject', 'revoke'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

/** Why an action is refused: each an i18n key under `errors.rewards.`. */
export const REFUSALS = [
  'notProposed',
  'notApproved',
  'underApproval',
  'notProposer',
  'roleMayNot',
  'ownProposal',
  'alreadyApproved',
  'needsManager',
  'redLineNeedsExplanation',
  'reasonRequired',
] as const;
export type Refusal = (typeof REFUSALS)[number];

export interface Actor {
  /** Null: a command-line tool, which never counts as a second person. */
  userId: number | null;
  role: Role;
}

export interface RecordFacts {
  state: RecordState;
  redLine: boolean;
  /** The user who proposed it; null when the attendance rules did. */
  proposedBy: number | null;
  /** Approvals so far (a red line waits for its second). */
  approvals: readonly Actor[];
  /** A red line's agent explanation and context are both written down. */
  explained: boolean;
}

export type Verdict = { allowed: true; next: RecordState } | { allowed: false; why: Refusal };

/** A red line needs two approvals; every other record one. */
export const approvalsNeeded = (redLine: boolean) => (redLine ? 2 : 1);

const no = (why: Refusal): Verdict => ({ allowed: false, why });

/**
 * Whether `actor` may take `action` on a record, and the state it leads to.
 *
 * The rules, as a center's 奖惩制度 would have them:
 * - A supervisor proposes; a manager decides and revokes. HR reads; admin keeps the catalog.
 * - Four eyes: nobody approves a record they proposed (a manager's own proposal goes to another
 *   manager). Rejecting one's own proposal is allowed: it withdraws it.
 * - A red line (客服天条) needs the agent's explanation and its context written down, then two
 *   approvals by two different people, at least one of them a manager; the other may be another
 *   manager or an admin. One manager may reject it alone.
 * - A proposal may be edited by its proposer or a manager until someone has approved it.
 * - Rejecting and revoking need a reason.
 */
export function decide(
  facts: RecordFacts,
  action: RecordAction,
  actor: Actor,
  reason: string | null = null,
): Verdict {
  const hasReason = (reason ?? '').trim().length > 0;
  const approvedByActor = facts.approvals.some((a) => a.userId === actor.userId);
  switch (action) {
    case 'edit':
      if (facts.state !== 'proposed') return no('notProposed');
      if (facts.approvals.length > 0) return no('underApproval');
      if (actor.role === 'manager') return { allowed: true, next: 'proposed' };
      if (actor.role !== 'supervisor') return no('roleMayNot');
      if (actor.userId === null || actor.userId !== facts.proposedBy) return no('notProposer');
      return { allowed: true, next: 'proposed' };
    case 'approve': {
      if (facts.state !== 'proposed') return no('notProposed');
      const mayApprove = actor.role === 'manager' || (actor.role === 'admin' && facts.redLine);
      if (!mayApprove) return no('roleMayNot');
      if (actor.userId !== null && actor.userId === facts.proposedBy) return no('ownProposal');
      if (approvedByActor) return no('alreadyApproved');
      if (facts.redLine && !facts.explained) return no('redLineNeedsExplanation');
      const after = [...facts.approvals, actor];
      const complete = after.length >= approvalsNeeded(facts.redLine);
      if (complete && !after.some((a) => a.role === 'manager')) return no('needsManager');
      return { allowed: true, next: complete ? 'approved' : 'proposed' };
    }
    case 'reject':
      if (facts.state !== 'proposed') return no('notProposed');
      if (actor.role !== 'manager') return no('roleMayNot');
      if (!hasReason) return no('reasonRequired');
      return { allowed: true, next: 'rejected' };
    case 'revoke':
      if (facts.state !== 'approved') return no('notApproved');
      if (actor.role !== 'manager') return no('roleMayNot');
      if (!hasReason) return no('reasonRequired');
      return { allowed: true, next: 'revoked' };
  }
}

/** What the actor may do now (reject and revoke assume a reason will be given). */
export function allowedRecordActions(facts: RecordFacts, actor: Actor): RecordAction[] {
  return RECORD_ACTIONS.filter((action) => decide(facts, action, actor, 'reason').allowed);
}
