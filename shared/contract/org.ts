import { z } from 'zod';
import { clockToMinutes } from '../domain/time';
import { channel } from './channel';
import {
  clockTime,
  color,
  empty,
  employeeNo,
  exportFile,
  id,
  importFile,
  isoDate,
  language,
  minutes,
  optionalText,
  position,
  requiredText,
  staffStatus,
  timestamp,
} from './fields';
import { admins, everyone, rosterKeepers, schedulers } from './roles';

export const team = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  leadStaffId: id.nullable(),
  leadName: z.string().nullable(),
  activeStaff: z.number().int(),
});
export type Team = z.infer<typeof team>;

export const teamInput = z.object({
  name: requiredText(30),
  description: optionalText(200, 'multiline'),
  leadStaffId: id.nullish().transform((v) => v ?? null),
});

export const staff = z.object({
  id,
  employeeNo: z.string(),
  name: z.string(),
  teamId: id.nullable(),
  teamName: z.string().nullable(),
  position,
  seat: z.string().nullable(),
  extension: z.string().nullable(),
  phone: z.string().nullable(),
  hireDate: z.string().nullable(),
  status: staffStatus,
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
  updatedAt: timestamp,
});
export type Staff = z.infer<typeof staff>;

export const staffInput = z.object({
  employeeNo,
  name: requiredText(30),
  teamId: id.nullish().transform((v) => v ?? null),
  position,
  seat: optionalText(20),
  extension: z
    .string()
    .trim()
    .regex(/^\d{0,10}$/, { error: 'validation.digits' })
    .nullish()
    .transform((v) => (v ? v : null)),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{0,20}$/, { error: 'validation.phone' })
    .nullish()
    .transform((v) => (v ? v : null)),
  hireDate: isoDate.nullish().transform((v) => v ?? null),
});
export type StaffInput = z.input<typeof staffInput>;

export const staffListInput = z.object({
  search: z.string().trim().max(50).optional(),
  teamId: id.optional(),
  status: staffStatus.optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});

export const shiftType = z.object({
  id,
  code: z.string(),
  name: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  breakMinutes: z.number().int(),
  lateGraceMinutes: z.number().int(),
  earlyLeaveGraceMinutes: z.number().int(),
  color: z.string(),
  active: z.boolean(),
});
export type ShiftType = z.infer<typeof shiftType>;

export const shiftTypeInput = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(10)
      .regex(/^[A-Za-z0-9_-]+$/, { error: 'validation.code' }),
    name: requiredText(20),
    startTime: clockTime.refine((v) => v !== '24:00', { error: 'validation.clock' }),
    endTime: clockTime,
    breakMinutes: minutes(240),
    lateGraceMinutes: minutes(120),
    earlyLeaveGraceMinutes: minutes(120),
    color,
    active: z.boolean().default(true),
  })
  // A shift of zero or 24 hours is a typing mistake, not a shift.
  .refine((s) => clockToMinutes(s.startTime) % 1440 !== clockToMinutes(s.endTime) % 1440, {
    path: ['endTime'],
    error: 'validation.shiftEnd',
  });

/** A schedule cell: a shift type id, 'rest' (休息), or null to clear the cell. */
export const scheduleValue = z.union([id, z.literal('rest'), z.null()]);
export type ScheduleValue = z.infer<typeof scheduleValue>;

export const scheduleWeek = z.object({
  teamId: id,
  weekStart: z.string(),
  dates: z.array(z.string()),
  staff: z.array(
    z.object({
      id,
      name: z.string(),
      employeeNo: z.string(),
      position,
      status: staffStatus,
      leftOn: z.string().nullable(),
    }),
  ),
  cells: z.array(
    z.object({ staffId: id, date: z.string(), value: z.union([id, z.literal('rest')]) }),
  ),
});
export type ScheduleWeek = z.infer<typeof scheduleWeek>;

/** Who works which shift on one date, across teams: the home page today, handover and attendance later. */
export const scheduleDay = z.object({
  date: z.string(),
  shifts: z.array(
    z.object({
      shiftTypeId: id,
      staff: z.array(
        z.object({ id, name: z.string(), employeeNo: z.string(), teamName: z.string().nullable() }),
      ),
    }),
  ),
  resting: z.number().int(),
});
export type ScheduleDay = z.infer<typeof scheduleDay>;

export const importReport = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

/** The roster's fields a row of a file sets, as the preview names them. */
export const ROSTER_FIELDS = [
  'employeeNo',
  'name',
  'teamId',
  'position',
  'seat',
  'extension',
  'phone',
  'hireDate',
] as const;

const rowIssue = z.object({
  row: z.number().int(),
  field: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** What applying a roster file would do, row by row; nothing is written to get it. */
export const rosterPreview = z.object({
  counts: z.object({
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.number().int(),
  }),
  rows: z.array(
    z.object({
      row: z.number().int(),
      employeeNo: z.string(),
      name: z.string(),
      kind: z.enum(['new', 'changed', 'unchanged', 'invalid']),
      /** Field by field, as the screen shows them (a team by its name, a position by its code). */
      changes: z.array(
        z.object({
          field: z.enum(ROSTER_FIELDS),
          before: z.string().nullable(),
          after: z.string().nullable(),
        }),
      ),
      issues: z.array(rowIssue),
    }),
  ),
});
export type RosterPreview = z.infer<typeof rosterPreview>;

/** The organization: teams, staff (and the roster import), shift types, the schedule. */
export const orgChannels = {
  'org.teams.list': channel({
    input: empty,
    output: z.array(team),
    roles: everyone,
    transaction: 'read',
  }),
  'org.teams.create': channel({
    input: teamInput,
    output: team,
    roles: rosterKeepers,
    transaction: 'write',
  }),
  'org.teams.update': channel({
    input: teamInput.extend({ id }),
    output: team,
    roles: rosterKeepers,
    transaction: 'write',
  }),

  'org.staff.list': channel({
    input: staffListInput,
    output: z.object({ rows: z.array(staff), total: z.number().int() }),
    roles: everyone,
    transaction: 'read',
  }),
  'org.staff.create': channel({
    input: staffInput,
    output: staff,
    roles: rosterKeepers,
    transaction: 'write',
  }),
  'org.staff.update': channel({
    input: staffInput.extend({ id, status: z.enum(['active', 'on_leave']) }),
    output: staff,
    roles: rosterKeepers,
    transaction: 'write',
  }),
  'org.staff.markLeft': channel({
    input: z.object({ id, leftOn: isoDate, reason: requiredText(200, 'multiline') }),
    output: staff,
    roles: rosterKeepers,
    transaction: 'write',
  }),
  'org.staff.previewImport': channel({
    input: importFile,
    output: rosterPreview,
    roles: rosterKeepers,
    transaction: 'read',
  }),
  'org.staff.import': channel({
    input: importFile,
    output: importReport,
    roles: rosterKeepers,
    transaction: 'write',
  }),
  'org.staff.template': channel({
    input: z.object({ language: language }),
    output: exportFile,
    roles: rosterKeepers,
    transaction: 'read',
  }),
  'org.staff.export': channel({
    input: z.object({
      language: language,
      format: z.enum(['xlsx', 'csv']),
      teamId: id.optional(),
      status: staffStatus.optional(),
    }),
    output: exportFile,
    roles: rosterKeepers,
    transaction: 'read',
  }),

  'org.shiftTypes.list': channel({
    input: empty,
    output: z.array(shiftType),
    roles: everyone,
    transaction: 'read',
  }),
  'org.shiftTypes.create': channel({
    input: shiftTypeInput,
    output: shiftType,
    roles: admins,
    transaction: 'write',
  }),
  'org.shiftTypes.update': channel({
    input: shiftTypeInput.safeExtend({ id }),
    output: shiftType,
    roles: admins,
    transaction: 'write',
  }),

  'org.schedule.week': channel({
    input: z.object({ teamId: id, weekStart: isoDate }),
    output: scheduleWeek,
    roles: everyone,
    transaction: 'read',
  }),
  'org.schedule.day': channel({
    input: z.object({ date: isoDate }),
    output: scheduleDay,
    roles: everyone,
    transaction: 'read',
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
    transaction: 'write',
  }),
  'org.schedule.copyWeek': channel({
    input: z.object({ teamId: id, fromWeekStart: isoDate, toWeekStart: isoDate }),
    output: z.object({ copied: z.number().int() }),
    roles: schedulers,
    transaction: 'write',
  }),
} as const;
