import { wallMinutes } from '../time';

/**
 * Shift handover (交接班): "交清接明" — hand over clearly, take over clearly. The outgoing lead
 * writes and submits; the incoming lead, a different user, acknowledges (接班确认) or disputes with
 * a remark that sends it back. Acknowledged is final: corrections are addenda, never edits.
 */
export const HANDOVER_STATES = ['draft', 'submitted', 'disputed', 'acknowledged'] as const;
export type HandoverState = (typeof HANDOVER_STATES)[number];

export const HANDOVER_ACTIONS = ['edit', 'submit', 'acknowledge', 'dispute', 'addendum'] as const;
export type HandoverAction = (typeof HANDOVER_ACTIONS)[number];

export type HandoverActor = 'outgoing' | 'incoming' | 'other';

/** Who may do what in which state. Everything not listed is refused. */
const TRANSITIONS: Record<HandoverState, Partial<Record<HandoverAction, HandoverActor[]>>> = {
  draft: { edit: ['outgoing'], submit: ['outgoing'] },
  // Submitted: the outgoing lead may still take it back to fix something before it is read.
  submitted: { acknowledge: ['incoming'], dispute: ['incoming'], edit: ['outgoing'] },
  disputed: { edit: ['outgoing'], submit: ['outgoing'] },
  acknowledged: { addendum: ['outgoing', 'incoming', 'other'] },
};

export function allowedActions(state: HandoverState, actor: HandoverActor): HandoverAction[] {
  return HANDOVER_ACTIONS.filter((action) => TRANSITIONS[state][action]?.includes(actor));
}

export function canDo(state: HandoverState, action: HandoverAction, actor: HandoverActor) {
  return TRANSITIONS[state][action]?.includes(actor) ?? false;
}

/** The state an allowed action leads to. */
export function nextState(state: HandoverState, action: HandoverAction): HandoverState {
  switch (action) {
    case 'submit':
      return 'submitted';
    case 'acknowledge':
      return 'acknowledged';
    case 'dispute':
      return 'disputed';
    case 'edit':
      // Editing a submitted handover takes it back to draft: the incoming lead must see the new text.
      return state === 'submitted' ? 'draft' : state;
    case 'addendum':
      return state;
  }
}

/**
 * A handover not acknowledged this many minutes after its shift started is flagged: the incoming
 * lead has been on the floor that long without taking over clearly.
 */
export function isAcknowledgementLate(
  state: HandoverState,
  shiftStart: string,
  now: string,
  deadlineMinutes: number,
) {
  return state !== 'acknowledged' && wallMinutes(now) - wallMinutes(shiftStart) > deadlineMinutes;
}
