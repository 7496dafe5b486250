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
  'password_reset',
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
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
