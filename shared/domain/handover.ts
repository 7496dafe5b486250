import { wallMinutes } from './time';

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

export const ITEM_CATEGORIES = [
  'callback',
  'complaint',
  'ticket',
  'system_fault',
  'equipment',
  'notice',
  'other',
] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

export const ITEM_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type ItemPriority = (typeof ITEM_PRIORITIES)[number];

export const ITEM_STATUSES = ['open', 'in_progress', 'resolved'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** An unresolved item past its due time stands out everywhere. */
export function isOverdue(item: { status: ItemStatus; dueAt: string | null }, now: string) {
  return (
    item.status !== 'resolved' && item.dueAt !== null && wallMinutes(item.dueAt) < wallMinutes(now)
  );
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

/**
 * Text for the full-text index: every CJK character stands alone, so FTS5's tokenizer sees each
 * as a token and a phrase query of the characters finds any Chinese word in place, two-character
 * words (投诉, 回访) included, which a trigram index cannot.
 */
export function ftsText(text: string): string {
  return text
    .replace(/([\u3400-\u9fff\uf900-\ufaff])/g, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A user's search as an FTS5 query: each word a quoted phrase (CJK spaced as in ftsText), all required. */
export function ftsQuery(search: string): string | null {
  // Only letters and digits reach the index; anything else (quotes, *, NUL, column filters) splits words.
  const words = search
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return null;
  return words.map((w) => `"${ftsText(w)}"`).join(' AND ');
}
