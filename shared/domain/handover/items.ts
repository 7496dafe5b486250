import { wallMinutes } from '../time';

/** Pending items (遗留事项): written on a sheet, carried from shift to shift until resolved. */
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

/** What an item's history records. */
export const ITEM_EVENT_ACTIONS = [
  'created',
  'updated',
  'carried',
  'resolved',
  'reopened',
] as const;
export type ItemEventAction = (typeof ITEM_EVENT_ACTIONS)[number];

/** An unresolved item past its due time stands out everywhere. */
export function isOverdue(item: { status: ItemStatus; dueAt: string | null }, now: string) {
  return (
    item.status !== 'resolved' && item.dueAt !== null && wallMinutes(item.dueAt) < wallMinutes(now)
  );
}
