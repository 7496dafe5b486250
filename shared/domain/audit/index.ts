/**
 * The audit trail (审计日志): what an entry says was done, and to what. Stored as text; the
 * backend writes only these, so the trail can be filtered by them.
 */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'mark_left',
  'import',
  'export',
  'lock',
  'unlock',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'backup',
  'restore',
  'copy',
  'password_change',
  'password_change_failed',
  'password_reset',
  'approve',
  'reject',
  'revoke',
  'expire',
  /** Where a trail from before the audit key switched to keyed entries (a migration writes it). */
  'chain_keyed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = [
  'team',
  'staff',
  'shift_type',
  'schedule',
  'demo',
  'user',
  'session',
  'audit',
  'backup',
  'settings',
  'attendance',
  'leave',
  'leave_type',
  'shift_swap',
  'attendance_month',
  'handover',
  'handover_item',
  'reward_type',
  'reward_reason',
  'reward_record',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/**
 * Where the audit chain's head is anchored outside the database: the head file beside it, the
 * newest backup's manifest, the newest in the second backup folder.
 */
export const ANCHOR_SOURCES = ['head', 'backup', 'mirror'] as const;
export type AnchorSource = (typeof ANCHOR_SOURCES)[number];

/**
 * What the live chain says about an anchored head — ok: it extends it; restored: a restore in the
 * console replaced that trail and recorded its head; behind: the trail no longer reaches it (a
 * cut-off tail, or an older file put back); unchecked: the chain broke before it; none: nothing
 * anchored there yet; forged: its signature does not match the key; missing: the head file is gone.
 */
export const ANCHOR_STATUSES = [
  'ok',
  'restored',
  'behind',
  'unchecked',
  'none',
  'forged',
  'missing',
] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];
export const FAILING_ANCHOR: readonly AnchorStatus[] = ['behind', 'forged', 'missing'];

/** Bookkeeping columns that change on every save and say nothing to an auditor. */
const BOOKKEEPING = new Set(['updatedAt', 'updated_at', 'createdAt', 'created_at']);

/** Keeps only the fields that changed, on both sides: what an auditor needs to read. */
/**
 * The fields of a change that hold an id, by what they name: the trail's pages carry the names
 * and the audit page shows 王芳, not staffId 17.
 */
export const AUDIT_ID_FIELDS = {
  staffId: 'staff',
  leadStaffId: 'staff',
  teamId: 'team',
  teamIds: 'team',
  shiftTypeId: 'shiftType',
  userId: 'user',
} as const;
export type AuditNamed = (typeof AUDIT_ID_FIELDS)[keyof typeof AUDIT_ID_FIELDS];

export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !BOOKKEEPING.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])),
  };
}
