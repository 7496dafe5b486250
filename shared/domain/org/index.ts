export const ROLES = ['supervisor', 'manager', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const POSITIONS = ['agent', 'team_lead', 'supervisor', 'qa', 'trainer'] as const;
export type Position = (typeof POSITIONS)[number];

export const STAFF_STATUSES = ['active', 'on_leave', 'left'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/**
 * Employee numbers in the order people read them (KF999, KF1001, KF10000), for lists sorted in
 * memory; SQL sorts the same way with natural_key() (db/sqlite/natural-key.ts).
 */
export const compareEmployeeNo = (a: string, b: string) =>
  a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
