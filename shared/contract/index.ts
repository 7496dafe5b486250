import { z } from 'zod';
import { ROLES, type Role } from '../domain/org';
import { empty, id, isoDate, optionalText, requiredText } from './fields';
import { auditEntry, auditFilter, exportFile } from './audit';
import { backupInfo, backupName, recoveryStatus } from './backup';
import { authStatus, newPassword, securitySettings, signedIn, user, userInput } from './auth';
import {
  importReport,
  scheduleValue,
  scheduleDay,
  scheduleWeek,
  shiftType,
  shiftTypeInput,
  staff,
  staffInput,
  staffListInput,
  team,
  teamInput,
} from './org';
import {
  attendanceExportInput,
  attendanceRecord,
  attendanceRules,
  clockImportInput,
  clockImportPreview,
  correctionInput,
  leaveInput,
  leaveType,
  leaveTypeInput,
  month,
  monthClose,
  monthGrid,
  monthSummary,
  penaltyProposal,
  rollCallEntry,
  shiftAttendance,
  shiftSwap,
  swapInput,
} from './attendance';
import {
  handoverContent,
  handoverDetail,
  handoverListInput,
  handoverRow,
  handoverSettings,
  itemFields,
  itemStatus,
  lead,
  openItem,
  handoverItem,
} from './handover';

export * from './errors';
export * from './org';
export * from './audit';
export * from './auth';
export * from './backup';
export * from './attendance';
export * from './handover';
export type { Role } from '../domain/org';

interface ChannelDef<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Who may call it. The backend rejects everyone else before touching the database. */
  roles: readonly Role[];
  /** Callable before signing in: setup, sign-in, status. Everything else needs a session. */
  public?: true;
}

const channel = <I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>) => def;

const everyone = ROLES;
const rosterKeepers: readonly Role[] = ['hr', 'admin'];
const schedulers: readonly Role[] = ['supervisor', 'manager', 'admin'];
const admins: readonly Role[] = ['admin'];
const auditors: readonly Role[] = ['hr', 'admin'];
/** Leads take the roll and approve swaps; HR keeps the records straight and closes the month. */
const rollCallers: readonly Role[] = ['supervisor', 'manager', 'admin'];
const attendanceKeepers: readonly Role[] = ['supervisor', 'manager', 'hr', 'admin'];
const clockImporters: readonly Role[] = ['supervisor', 'hr', 'admin'];
const monthClosers: readonly Role[] = ['hr', 'admin'];
const reportReaders: readonly Role[] = ['manager', 'hr', 'admin'];
/** Supervisors write and sign handovers; managers may append addenda to any. */
const handoverLeads: readonly Role[] = ['supervisor'];
const addendumWriters: readonly Role[] = ['supervisor', 'manager'];

/**
 * The one contract between renderer and backend: every channel's input, output and roles.
 * The preload, the IPC registration, the loopback host and the handler table all derive from it.
 */
export const contract = {
  'accounts.status': channel({ input: empty, output: authStatus, roles: everyone, public: true }),
  'accounts.setup': channel({
    input: userInput.omit({ role: true, staffId: true }),
    output: signedIn,
    roles: everyone,
    public: true,
  }),
  'accounts.signIn': channel({
    input: z.object({
      username: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(128),
    }),
    output: signedIn,
    roles: everyone,
    public: true,
  }),
  'accounts.signOut': channel({ input: empty, output: z.object({}), roles: everyone }),
  'accounts.changePassword': channel({
    input: z.object({ currentPassword: z.string().min(1).max(128), newPassword }),
    output: z.object({}),
    roles: everyone,
  }),
  'accounts.users.list': channel({ input: empty, output: z.array(user), roles: admins }),
  'accounts.users.create': channel({ input: userInput, output: user, roles: admins }),
  'accounts.users.update': channel({
    input: userInput.omit({ password: true, username: true }).extend({ id, active: z.boolean() }),
    output: user,
    roles: admins,
  }),
  'accounts.users.resetPassword': channel({
    input: z.object({ id, password: newPassword }),
    output: user,
    roles: admins,
  }),
  'accounts.users.unlock': channel({ input: z.object({ id }), output: user, roles: admins }),
  'accounts.security': channel({ input: empty, output: securitySettings, roles: admins }),
  'accounts.updateSecurity': channel({
    input: securitySettings,
    output: securitySettings,
    roles: admins,
  }),

  'app.info': channel({
    input: empty,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      schemaVersion: z.number().int(),
      empty: z.boolean(),
    }),
    roles: everyone,
  }),
  'app.loadDemo': channel({
    input: empty,
    output: z.object({
      teams: z.number().int(),
      staff: z.number().int(),
      scheduleDays: z.number().int(),
      attendanceRecords: z.number().int(),
    }),
    roles: admins,
  }),

  'org.teams.list': channel({ input: empty, output: z.array(team), roles: everyone }),
  'org.teams.create': channel({ input: teamInput, output: team, roles: rosterKeepers }),
  'org.teams.update': channel({
    input: teamInput.extend({ id }),
    output: team,
    roles: rosterKeepers,
  }),

  'org.staff.list': channel({
    input: staffListInput,
    output: z.object({ rows: z.array(staff), total: z.number().int() }),
    roles: everyone,
  }),
  'org.staff.create': channel({ input: staffInput, output: staff, roles: rosterKeepers }),
  'org.staff.update': channel({
    input: staffInput.extend({ id, status: z.enum(['active', 'on_leave']) }),
    output: staff,
    roles: rosterKeepers,
  }),
  'org.staff.markLeft': channel({
    input: z.object({ id, leftOn: isoDate, reason: requiredText(200) }),
    output: staff,
    roles: rosterKeepers,
  }),
  'org.staff.import': channel({
    input: z.object({
      fileName: z
        .string()
        .trim()
        .regex(/\.(csv|xlsx)$/i, { error: 'validation.importFile' }),
      contentBase64: z.string().min(1).max(14_000_000),
    }),
    output: importReport,
    roles: rosterKeepers,
  }),

  'org.shiftTypes.list': channel({ input: empty, output: z.array(shiftType), roles: everyone }),
  'org.shiftTypes.create': channel({ input: shiftTypeInput, output: shiftType, roles: admins }),
  'org.shiftTypes.update': channel({
    input: shiftTypeInput.safeExtend({ id }),
    output: shiftType,
    roles: admins,
  }),

  'org.schedule.week': channel({
    input: z.object({ teamId: id, weekStart: isoDate }),
    output: scheduleWeek,
    roles: everyone,
  }),
  'org.schedule.day': channel({
    input: z.object({ date: isoDate }),
    output: scheduleDay,
    roles: everyone,
  }),
  'org.schedule.assign': channel({
    input: z.object({
      cells: z
        .array(z.object({ staffId: id, date: isoDate, value: scheduleValue }))
        .min(1)
        .max(5000),
    }),
    output: z.object({ changed: z.number().int() }),
    roles: schedulers,
  }),
  'org.schedule.copyWeek': channel({
    input: z.object({ teamId: id, fromWeekStart: isoDate, toWeekStart: isoDate }),
    output: z.object({ copied: z.number().int() }),
    roles: schedulers,
  }),

  'attendance.leaveTypes.list': channel({
    input: empty,
    output: z.array(leaveType),
    roles: everyone,
  }),
  'attendance.leaveTypes.create': channel({
    input: leaveTypeInput,
    output: leaveType,
    roles: admins,
  }),
  'attendance.leaveTypes.update': channel({
    input: leaveTypeInput.extend({ id }),
    output: leaveType,
    roles: admins,
  }),
  'attendance.rules': channel({ input: empty, output: attendanceRules, roles: everyone }),
  'attendance.updateRules': channel({
    input: attendanceRules,
    output: attendanceRules,
    roles: admins,
  }),

  /** One shift instance: who is scheduled and how each is marked (roll-call; the handover's staffing). */
  'attendance.shift': channel({
    input: z.object({ date: isoDate, shiftTypeId: id, teamId: id.nullish() }),
    output: shiftAttendance,
    roles: everyone,
  }),
  'attendance.rollCall': channel({
    input: z.object({
      date: isoDate,
      shiftTypeId: id,
      /** The team the lead is calling: the answer lists that team's people, like attendance.shift. */
      teamId: id.nullish(),
      entries: z.array(rollCallEntry).min(1).max(500),
    }),
    output: shiftAttendance,
    roles: rollCallers,
  }),
  'attendance.correct': channel({
    input: correctionInput,
    output: attendanceRecord,
    roles: attendanceKeepers,
  }),
  'attendance.leave': channel({
    input: leaveInput,
    output: z.object({ shifts: z.number().int() }),
    roles: attendanceKeepers,
  }),
  'attendance.swap': channel({ input: swapInput, output: shiftSwap, roles: rollCallers }),
  'attendance.swaps': channel({
    input: z.object({ month }),
    output: z.array(shiftSwap),
    roles: everyone,
  }),
  'attendance.previewImport': channel({
    input: clockImportInput,
    output: clockImportPreview,
    roles: clockImporters,
  }),
  'attendance.applyImport': channel({
    input: clockImportInput,
    output: z.object({ applied: z.number().int(), kept: z.number().int() }),
    roles: clockImporters,
  }),
  'attendance.summary': channel({
    input: z.object({ month, teamId: id.nullish() }),
    output: monthSummary,
    roles: everyone,
  }),
  'attendance.month': channel({
    input: z.object({ month, teamId: id.nullish(), staffId: id.nullish() }),
    output: monthGrid,
    roles: everyone,
  }),
  'attendance.proposals': channel({
    input: z.object({ month }),
    output: z.array(penaltyProposal),
    roles: everyone,
  }),
  'attendance.closeMonth': channel({
    input: z.object({ month }),
    output: monthClose,
    roles: monthClosers,
  }),
  'attendance.reopenMonth': channel({
    input: z.object({ month, reason: requiredText(200) }),
    output: monthClose,
    roles: monthClosers,
  }),
  'attendance.export': channel({
    input: attendanceExportInput,
    output: exportFile,
    roles: reportReaders,
  }),

  'handover.settings': channel({ input: empty, output: handoverSettings, roles: everyone }),
  'handover.updateSettings': channel({
    input: handoverSettings,
    output: handoverSettings,
    roles: admins,
  }),
  /** Who can take over a shift: active supervisors. */
  'handover.leads': channel({ input: empty, output: z.array(lead), roles: everyone }),
  /** Opens the handover of a shift instance, creating the draft (with every unresolved item carried in) if none exists. */
  'handover.start': channel({
    input: z.object({ date: isoDate, shiftTypeId: id, teamId: id.nullish() }),
    output: handoverDetail,
    roles: handoverLeads,
  }),
  'handover.get': channel({ input: z.object({ id }), output: handoverDetail, roles: everyone }),
  'handover.save': channel({
    input: handoverContent,
    output: handoverDetail,
    roles: handoverLeads,
  }),
  'handover.addItem': channel({
    input: itemFields.extend({ handoverId: id }),
    output: handoverDetail,
    roles: handoverLeads,
  }),
  'handover.updateItem': channel({
    input: itemFields.extend({
      id,
      /** The handover it is edited from; absent when edited on the open-items board. */
      handoverId: id.nullish(),
      status: itemStatus,
      resolution: optionalText(500),
    }),
    output: handoverItem,
    roles: handoverLeads,
  }),
  'handover.submit': channel({
    input: z.object({ id, incomingUserId: id }),
    output: handoverDetail,
    roles: handoverLeads,
  }),
  'handover.acknowledge': channel({
    input: z.object({ id }),
    output: handoverDetail,
    roles: handoverLeads,
  }),
  'handover.dispute': channel({
    input: z.object({ id, remark: requiredText(500) }),
    output: handoverDetail,
    roles: handoverLeads,
  }),
  'handover.addendum': channel({
    input: z.object({ id, text: requiredText(2000) }),
    output: handoverDetail,
    roles: addendumWriters,
  }),
  'handover.list': channel({
    input: handoverListInput,
    output: z.object({ rows: z.array(handoverRow), total: z.number().int() }),
    roles: everyone,
  }),
  'handover.openItems': channel({ input: empty, output: z.array(openItem), roles: everyone }),
  'handover.exportItems': channel({
    input: z.object({ format: z.enum(['xlsx', 'csv']) }),
    output: exportFile,
    roles: everyone,
  }),

  'audit.list': channel({
    input: auditFilter.extend({
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ rows: z.array(auditEntry), total: z.number().int() }),
    roles: auditors,
  }),
  'audit.verify': channel({
    input: empty,
    output: z.object({
      ok: z.boolean(),
      entries: z.number().int(),
      firstBadId: z.number().int().nullable(),
    }),
    roles: auditors,
  }),
  'audit.export': channel({ input: auditFilter, output: exportFile, roles: auditors }),

  'backups.list': channel({ input: empty, output: z.array(backupInfo), roles: admins }),
  'backups.create': channel({ input: empty, output: backupInfo, roles: admins }),
  'backups.restore': channel({
    input: z.object({ name: backupName }),
    output: z.object({ restored: backupInfo, safetyCopy: backupInfo }),
    roles: admins,
  }),
  // While the database is damaged nobody can sign in, so recovery is open to whoever is at the desk:
  // it only offers this machine's own checked backups.
  'backups.recovery.status': channel({
    input: empty,
    output: recoveryStatus,
    roles: everyone,
    public: true,
  }),
  'backups.recovery.restore': channel({
    input: z.object({ name: backupName }),
    output: z.object({}),
    roles: everyone,
    public: true,
  }),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
export * from './validation';
