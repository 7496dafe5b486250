import { ROLES, type Role } from '../domain/org';

/** Who may call what: the role groups the channel maps name. */
export const everyone = ROLES;
export const admins: readonly Role[] = ['admin'];
export const auditors: readonly Role[] = ['hr', 'admin'];
export const rosterKeepers: readonly Role[] = ['hr', 'admin'];
export const schedulers: readonly Role[] = ['supervisor', 'manager', 'admin'];
/** Leads take the roll and approve swaps; HR keeps the records straight and closes the month. */
export const rollCallers: readonly Role[] = ['supervisor', 'manager', 'admin'];
export const attendanceKeepers: readonly Role[] = ['supervisor', 'manager', 'hr', 'admin'];
export const clockImporters: readonly Role[] = ['supervisor', 'hr', 'admin'];
export const monthClosers: readonly Role[] = ['hr', 'admin'];
export const reportReaders: readonly Role[] = ['manager', 'hr', 'admin'];
/** Supervisors write and sign handovers; managers may append addenda to any. */
export const handoverLeads: readonly Role[] = ['supervisor'];
export const addendumWriters: readonly Role[] = ['supervisor', 'manager'];
/** 奖惩: supervisors propose for their teams, managers too; managers decide (an admin may second a red line). */
export const rewardProposers: readonly Role[] = ['supervisor', 'manager'];
export const rewardApprovers: readonly Role[] = ['manager', 'admin'];
export const rewardDeciders: readonly Role[] = ['manager'];
/** Base wages are HR's: not even managers or the administrator read them. */
export const wageKeepers: readonly Role[] = ['hr'];
export const expiryRunners: readonly Role[] = ['manager', 'hr', 'admin'];
