import { z } from 'zod';
import {
  ATTENDANCE_MARKS,
  ATTENDANCE_SOURCES,
  ATTENDANCE_STATUSES,
  PROPOSAL_RULES,
  PROPOSAL_STATES,
  type AttendanceRules,
} from '../domain/attendance';
import { channel } from './channel';
import {
  dateTime,
  empty,
  exportFile,
  id,
  importFile,
  isoDate,
  language,
  minutes,
  month,
  optionalText,
  requiredText,
} from './fields';
import {
  admins,
  attendanceKeepers,
  clockImporters,
  everyone,
  monthClosers,
  reportReaders,
  rollCallers,
} from './roles';
export const attendanceStatus = z.enum(ATTENDANCE_STATUSES);
export const attendanceMark = z.enum(ATTENDANCE_MARKS);

export const leaveType = z.object({
  id,
  /** Stable key: the default types' names are translated by it; a center's own types show their name. */
  code: z.string(),
  name: z.string(),
  paid: z.boolean(),
  active: z.boolean(),
});
export type LeaveType = z.infer<typeof leaveType>;

export const leaveTypeInput = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[a-z0-9_]+$/, { error: 'validation.leaveCode' }),
  name: requiredText(20),
  paid: z.boolean(),
  active: z.boolean().default(true),
});

export const attendanceRules = z.object({
  halfDayLateMinutes: minutes(480),
  lateCountForPenalty: z.number().int().min(0).max(31),
  absenceProposesPenalty: z.boolean(),
  // Rules saved before 缺卡 existed have no such key: the rule is off for them.
  missingPunchCountForPenalty: z.number().int().min(0).max(31).default(0),
}) satisfies z.ZodType<AttendanceRules>;

export { ATTENDANCE_SOURCES };

export const attendanceRecord = z.object({
  id,
  staffId: id,
  date: z.string(),
  /** Null: a rest day someone worked. */
  shiftTypeId: id.nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  clockIn: z.string().nullable(),
  clockOut: z.string().nullable(),
  mark: attendanceMark.nullable(),
  leaveTypeId: id.nullable(),
  status: attendanceStatus,
  lateMinutes: z.number().int(),
  earlyMinutes: z.number().int(),
  overtimeMinutes: z.number().int(),
  absenceDays: z.number(),
  remark: z.string().nullable(),
  source: z.enum(ATTENDANCE_SOURCES),
  recordedBy: z.string(),
  updatedAt: z.string(),
});
export type AttendanceRecord = z.infer<typeof attendanceRecord>;

/** Who is scheduled on one shift instance and how each is marked: roll-call, and the handover's staffing. */
export const shiftAttendance = z.object({
  date: z.string(),
  shiftTypeId: id,
  plannedStart: z.string(),
  plannedEnd: z.string(),
  /** The month is closed: nothing on it can change. */
  closed: z.boolean(),
  people: z.array(
    z.object({
      staffId: id,
      name: z.string(),
      employeeNo: z.string(),
      teamName: z.string().nullable(),
      /** Another person on the roster has the same name. */
      sameName: z.boolean(),
      record: attendanceRecord.nullable(),
    }),
  ),
  counts: z.object({
    scheduled: z.number().int(),
    present: z.number().int(),
    late: z.number().int(),
    absent: z.number().int(),
    leave: z.number().int(),
    unrecorded: z.number().int(),
  }),
});
export type ShiftAttendance = z.infer<typeof shiftAttendance>;

/** What the roll-call marks: on time, late at a time, absent, on leave of a type. */
export const ROLL_CALL_MARKS = ['present', 'late', 'absent', 'leave'] as const;
export const rollCallEntry = z
  .object({
    staffId: id,
    mark: z.enum(ROLL_CALL_MARKS),
    /** Late: when the person arrived. */
    arrivedAt: dateTime.nullish().transform((v) => v ?? null),
    leaveTypeId: id.nullish().transform((v) => v ?? null),
  })
  .refine((e) => e.mark !== 'late' || e.arrivedAt !== null, {
    path: ['arrivedAt'],
    error: 'validation.arrivedAt',
  })
  .refine((e) => e.mark !== 'leave' || e.leaveTypeId !== null, {
    path: ['leaveTypeId'],
    error: 'validation.leaveType',
  });

export const correctionInput = z
  .object({
    staffId: id,
    date: isoDate,
    clockIn: dateTime.nullish().transform((v) => v ?? null),
    clockOut: dateTime.nullish().transform((v) => v ?? null),
    mark: attendanceMark.nullish().transform((v) => v ?? null),
    leaveTypeId: id.nullish().transform((v) => v ?? null),
    overtimeMinutes: minutes(24 * 60).default(0),
    remark: optionalText(200),
    /** Why the record changes: required, kept in the audit trail with before and after. */
    reason: requiredText(200, 'multiline'),
  })
  .refine((c) => !c.clockIn || !c.clockOut || c.clockOut > c.clockIn, {
    path: ['clockOut'],
    error: 'validation.clockOutBeforeIn',
  })
  .refine((c) => c.mark !== 'leave' || c.leaveTypeId !== null, {
    path: ['leaveTypeId'],
    error: 'validation.leaveType',
  });

export const leaveInput = z
  .object({
    staffId: id,
    from: isoDate,
    to: isoDate,
    leaveTypeId: id,
    reason: requiredText(200, 'multiline'),
  })
  .refine((l) => l.to >= l.from, { path: ['to'], error: 'validation.dateRange' })
  .refine((l) => daysBetween(l.from, l.to) <= 366, {
    path: ['to'],
    error: 'validation.leaveTooLong',
  });

function daysBetween(from: string, to: string) {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * 换班 (one date: the two swap their shifts that day) or 调班 (two dates: they swap on both, so
 * each works the other's shift once). Approved by the lead who records it.
 */
export const swapInput = z
  .object({
    staffAId: id,
    staffBId: id,
    dates: z.array(isoDate).min(1).max(2),
    reason: requiredText(200, 'multiline'),
  })
  .refine((s) => s.staffAId !== s.staffBId, { path: ['staffBId'], error: 'validation.sameStaff' })
  .refine((s) => s.dates.length < 2 || s.dates[0] !== s.dates[1], {
    path: ['dates'],
    error: 'validation.sameDate',
  });

export const shiftSwap = z.object({
  id,
  staffAId: id,
  staffAName: z.string(),
  staffAEmployeeNo: z.string(),
  staffBId: id,
  staffBName: z.string(),
  staffBEmployeeNo: z.string(),
  dates: z.array(z.string()),
  reason: z.string(),
  approvedBy: z.string(),
  approvedAt: z.string(),
});

/** Which file columns carry what. Unmapped optional roles are null. */
export const clockMapping = z.object({
  employeeNo: z.string().min(1).max(100),
  /** A date column, for files whose time columns hold only a clock time. */
  date: z
    .string()
    .max(100)
    .nullish()
    .transform((v) => v || null),
  /** Clock-in (or the only punch time, for files with one punch per row). */
  clockIn: z.string().min(1).max(100),
  clockOut: z
    .string()
    .max(100)
    .nullish()
    .transform((v) => v || null),
});
export type ClockMapping = z.infer<typeof clockMapping>;

export const clockImportInput = importFile.extend({
  /** Omitted: the mapping used last time, or one guessed from the headers. */
  mapping: clockMapping.nullish().transform((v) => v ?? null),
});

export const clockImportPreview = z.object({
  headers: z.array(z.string()),
  mapping: clockMapping.nullable(),
  rows: z.number().int(),
  /** Shift instances the file would set, first ones only. */
  changes: z.array(
    z.object({
      employeeNo: z.string(),
      name: z.string(),
      date: z.string(),
      shiftTypeId: id.nullable(),
      clockIn: z.string().nullable(),
      clockOut: z.string().nullable(),
      status: attendanceStatus,
    }),
  ),
  changeCount: z.number().int(),
  /** Instances kept as they are: corrected by hand, or on leave. */
  kept: z.number().int(),
  /** The first problem rows (problemCount says how many in all); the file applies only when there are none. */
  problems: z.array(
    z.object({
      row: z.number().int(),
      field: z.string(),
      key: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  problemCount: z.number().int(),
});
export type ClockImportPreview = z.infer<typeof clockImportPreview>;

const summaryFigures = {
  scheduled: z.number().int(),
  worked: z.number().int(),
  lateCount: z.number().int(),
  lateMinutes: z.number().int(),
  earlyCount: z.number().int(),
  earlyMinutes: z.number().int(),
  /** Records with one clock punch of two (缺卡). */
  missingPunchCount: z.number().int(),
  absenceDays: z.number(),
  /** The part of absenceDays that late arrivals count for (half days): worked, yet not whole. */
  lateAbsenceDays: z.number(),
  /** Shifts on leave, by leave type id. */
  leave: z.record(z.string(), z.number().int()),
  overtimeHours: z.number(),
  /** Scheduled shifts with nothing recorded yet. */
  unrecorded: z.number().int(),
  /** (worked − lateAbsenceDays) ÷ scheduled, 0–1; null with nothing scheduled. */
  attendanceRate: z.number().nullable(),
};

export const monthSummary = z.object({
  month: z.string(),
  /**
   * A month in progress counts the shifts started by this wall-clock time ('yyyy-MM-dd HH:mm'),
   * not the ones still to come; null for a month that is over.
   */
  through: z.string().nullable(),
  closed: z.boolean(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  people: z.array(
    z.object({
      staffId: id,
      employeeNo: z.string(),
      name: z.string(),
      teamId: id.nullable(),
      teamName: z.string().nullable(),
      ...summaryFigures,
    }),
  ),
  teams: z.array(
    z.object({ teamId: id.nullable(), teamName: z.string().nullable(), ...summaryFigures }),
  ),
});
export type MonthSummary = z.infer<typeof monthSummary>;
export type SummaryFigures = Omit<MonthSummary['teams'][number], 'teamId' | 'teamName'>;

/** A month's grid: who, what was scheduled, and what was recorded (team view and personal calendar). */
export const monthGrid = z.object({
  month: z.string(),
  dates: z.array(z.string()),
  closed: z.boolean(),
  people: z.array(z.object({ id, name: z.string(), employeeNo: z.string() })),
  scheduled: z.array(z.object({ staffId: id, date: z.string(), shiftTypeId: id.nullable() })),
  records: z.array(attendanceRecord),
});
export type MonthGrid = z.infer<typeof monthGrid>;

export const penaltyProposal = z.object({
  id,
  staffId: id,
  name: z.string(),
  employeeNo: z.string(),
  month: z.string(),
  rule: z.enum(PROPOSAL_RULES),
  state: z.enum(PROPOSAL_STATES),
  evidence: z.array(z.object({ recordId: id, date: z.string(), status: attendanceStatus })),
  createdAt: z.string(),
});
export type PenaltyProposal = z.infer<typeof penaltyProposal>;

export const monthClose = z.object({
  month: z.string(),
  closed: z.boolean(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
});

export const attendanceExportInput = z.object({
  month,
  teamId: id.nullish().transform((v) => v ?? null),
  kind: z.enum(['summary', 'detail']),
  format: z.enum(['xlsx', 'csv']),
  language,
});

/** Attendance (考勤): leave types and rules, roll-call, corrections, leave, swaps, clock import, the month. */
export const attendanceChannels = {
  'attendance.leaveTypes.list': channel({
    input: empty,
    output: z.array(leaveType),
    roles: everyone,
    transaction: 'read',
  }),
  'attendance.leaveTypes.create': channel({
    input: leaveTypeInput,
    output: leaveType,
    roles: admins,
    transaction: 'write',
  }),
  'attendance.leaveTypes.update': channel({
    input: leaveTypeInput.extend({ id }),
    output: leaveType,
    roles: admins,
    transaction: 'write',
  }),
  'attendance.rules': channel({
    input: empty,
    output: attendanceRules,
    roles: everyone,
    transaction: 'read',
  }),
  'attendance.updateRules': channel({
    input: attendanceRules,
    output: attendanceRules,
    roles: admins,
    transaction: 'write',
  }),

  /** One shift instance: who is scheduled and how each is marked (roll-call; the handover's staffing). */
  'attendance.shift': channel({
    input: z.object({ date: isoDate, shiftTypeId: id, teamId: id.nullish() }),
    output: shiftAttendance,
    roles: everyone,
    transaction: 'read',
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
    transaction: 'write',
  }),
  'attendance.correct': channel({
    input: correctionInput,
    output: attendanceRecord,
    roles: attendanceKeepers,
    transaction: 'write',
  }),
  'attendance.leave': channel({
    input: leaveInput,
    output: z.object({ shifts: z.number().int() }),
    roles: attendanceKeepers,
    transaction: 'write',
  }),
  'attendance.swap': channel({
    input: swapInput,
    output: shiftSwap,
    roles: rollCallers,
    transaction: 'write',
  }),
  'attendance.swaps': channel({
    input: z.object({ month }),
    output: z.array(shiftSwap),
    roles: everyone,
    transaction: 'read',
  }),
  /** Reads the file and says what it would change; writes nothing. */
  'attendance.previewImport': channel({
    input: clockImportInput,
    output: clockImportPreview,
    roles: clockImporters,
    transaction: 'read',
  }),
  'attendance.applyImport': channel({
    input: clockImportInput,
    output: z.object({ applied: z.number().int(), kept: z.number().int() }),
    roles: clockImporters,
    transaction: 'write',
  }),
  'attendance.summary': channel({
    input: z.object({ month, teamId: id.nullish() }),
    output: monthSummary,
    roles: everyone,
    transaction: 'read',
  }),
  'attendance.month': channel({
    input: z.object({ month, teamId: id.nullish(), staffId: id.nullish() }),
    output: monthGrid,
    roles: everyone,
    transaction: 'read',
  }),
  'attendance.proposals': channel({
    input: z.object({ month }),
    output: z.array(penaltyProposal),
    roles: everyone,
    transaction: 'read',
  }),
  /** Takes a backup first, outside the close's transaction, and names it in the answer. */
  'attendance.closeMonth': channel({
    input: z.object({ month }),
    output: monthClose.extend({ backup: z.string() }),
    roles: monthClosers,
    transaction: 'write',
  }),
  'attendance.reopenMonth': channel({
    input: z.object({ month, reason: requiredText(200, 'multiline') }),
    output: monthClose,
    roles: monthClosers,
    transaction: 'write',
  }),
  /** An export is audited: it writes its entry. */
  'attendance.export': channel({
    input: attendanceExportInput,
    output: exportFile,
    roles: reportReaders,
    transaction: 'write',
  }),
} as const;
