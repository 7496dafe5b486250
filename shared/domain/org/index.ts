export const ROLES = ['supervisor', 'manager', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const POSITIONS = ['agent', 'team_lead', 'supervisor', 'qa', 'trainer'] as const;
export type Position = (typeof POSITIONS)[number];

export const STAFF_STATUSES = ['active', 'on_leave', 'left'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];
