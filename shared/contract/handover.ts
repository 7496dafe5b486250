import { z } from 'zod';
import {
  HANDOVER_ACTIONS,
  HANDOVER_STATES,
  ITEM_EVENT_ACTIONS,
  ITEM_PRIORITIES,
  ITEM_STATUSES,
} from '../domain/handover';
import { shiftAttendance } from './attendance';
import { channel } from './channel';
import {
  dateTime,
  empty,
  exportFile,
  id,
  isoDate,
  language,
  optionalText,
  requiredText,
} from './fields';
import { addendumWriters, admins, everyone, handoverLeads } from './roles';

export const handoverState = z.enum(HANDOVER_STATES);
export const itemPriority = z.enum(ITEM_PRIORITIES);
export const itemStatus = z.enum(ITEM_STATUSES);
/** A category code: the seven defaults, or one an admin added. */
export const categoryCode = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[a-z0-9_]+$/, { error: 'validation.categoryCode' });

export const itemCategory = z.object({
  code: categoryCode,
  name: requiredText(20),
  active: z.boolean(),
});
export type ItemCategoryDef = z.infer<typeof itemCategory>;

export const handoverSettings = z.object({
  /** Minutes after the shift starts by which the incoming lead should have acknowledged. */
  ackDeadlineMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  /** One handover per team and shift, or one for the whole floor. */
  scope: z.enum(['team', 'floor']),
  categories: z
    .array(itemCategory)
    .min(1)
    .max(30)
    .refine((list) => new Set(list.map((c) => c.code)).size === list.length, {
      error: 'validation.duplicateCode',
    }),
});
export type HandoverSettings = z.infer<typeof handoverSettings>;

export const itemFields = z.object({
  category: categoryCode,
  description: requiredText(500, 'multiline'),
  reference: optionalText(60),
  priority: itemPriority.default('normal'),
  dueAt: dateTime.nullish().transform((v) => v ?? null),
  owner: optionalText(30),
});

export const handoverItem = z.object({
  id,
  category: z.string(),
  description: z.string(),
  reference: z.string().nullable(),
  priority: itemPriority,
  dueAt: z.string().nullable(),
  owner: z.string().nullable(),
  status: itemStatus,
  resolution: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  overdue: z.boolean(),
  /** How many handovers it has been in: 1 is new this shift. */
  shifts: z.number().int(),
});
export type HandoverItem = z.infer<typeof handoverItem>;

export const itemEvent = z.object({
  id,
  itemId: id,
  handoverId: id.nullable(),
  at: z.string(),
  user: z.string(),
  action: z.enum(ITEM_EVENT_ACTIONS),
  changes: z.record(z.string(), z.unknown()).nullable(),
});

export const queueFigures = z.object({
  offered: z.number().int().min(0).max(1_000_000).nullable(),
  answered: z.number().int().min(0).max(1_000_000).nullable(),
  abandoned: z.number().int().min(0).max(1_000_000).nullable(),
  /** Service level, percent of calls answered within the target time. */
  serviceLevel: z.number().min(0).max(100).nullable(),
  ahtSeconds: z.number().int().min(0).max(36_000).nullable(),
});

export const handoverRow = z.object({
  id,
  date: z.string(),
  shiftTypeId: id,
  teamId: id.nullable(),
  teamName: z.string().nullable(),
  state: handoverState,
  outgoingUserId: id,
  outgoingName: z.string(),
  incomingUserId: id.nullable(),
  incomingName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  updatedAt: z.string(),
  openItems: z.number().int(),
  overdueItems: z.number().int(),
  /** Not acknowledged within the deadline after the shift started. */
  ackLate: z.boolean(),
});
export type HandoverRow = z.infer<typeof handoverRow>;

export const handoverDetail = handoverRow.extend({
  plannedStart: z.string(),
  plannedEnd: z.string(),
  /** Scheduled, present, late and absent, from attendance. */
  staffing: shiftAttendance,
  staffingRemark: z.string().nullable(),
  seatsStatus: z.string().nullable(),
  queue: queueFigures,
  notices: z.string().nullable(),
  escalations: z.string().nullable(),
  remarks: z.string().nullable(),
  disputeRemark: z.string().nullable(),
  items: z.array(
    handoverItem.extend({
      carried: z.boolean(),
      /** The item as it was acknowledged; null until then. */
      snapshot: handoverItem.nullable(),
    }),
  ),
  history: z.array(itemEvent),
  addenda: z.array(z.object({ id, author: z.string(), at: z.string(), text: z.string() })),
  /** What the caller may do now. */
  actions: z.array(z.enum(HANDOVER_ACTIONS)),
});
export type HandoverDetail = z.infer<typeof handoverDetail>;

export const handoverContent = z.object({
  id,
  staffingRemark: optionalText(500, 'multiline'),
  seatsStatus: optionalText(1000, 'multiline'),
  queue: queueFigures,
  notices: optionalText(2000, 'multiline'),
  escalations: optionalText(2000, 'multiline'),
  remarks: optionalText(2000, 'multiline'),
});

export const handoverListInput = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  shiftTypeId: id.optional(),
  teamId: id.optional(),
  /** Either lead. */
  userId: id.optional(),
  state: handoverState.optional(),
  hasOpenItems: z.boolean().optional(),
  search: z.string().trim().max(50).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export const openItem = handoverItem.extend({
  /** Hours since it was first written down. */
  ageHours: z.number(),
  lastHandoverId: id.nullable(),
  lastHandoverDate: z.string().nullable(),
});
export type OpenItem = z.infer<typeof openItem>;

export const lead = z.object({ id, displayName: z.string(), role: z.string() });

/** Shift handover (交接班): settings, the sheet and its items, sign-off, addenda, the log and the board. */
export const handoverChannels = {
  'handover.settings': channel({
    input: empty,
    output: handoverSettings,
    roles: everyone,
    transaction: 'read',
  }),
  'handover.updateSettings': channel({
    input: handoverSettings,
    output: handoverSettings,
    roles: admins,
    transaction: 'write',
  }),
  /** Who can take over a shift: active supervisors. */
  'handover.leads': channel({
    input: empty,
    output: z.array(lead),
    roles: everyone,
    transaction: 'read',
  }),
  /** Opens the handover of a shift instance, creating the draft (with every unresolved item carried in) if none exists. */
  'handover.start': channel({
    input: z.object({ date: isoDate, shiftTypeId: id, teamId: id.nullish() }),
    output: handoverDetail,
    roles: handoverLeads,
    transaction: 'write',
  }),
  'handover.get': channel({
    input: z.object({ id }),
    output: handoverDetail,
    roles: everyone,
    transaction: 'read',
  }),
  'handover.save': channel({
    input: handoverContent,
    output: handoverDetail,
    roles: handoverLeads,
    transaction: 'write',
  }),
  'handover.addItem': channel({
    input: itemFields.extend({ handoverId: id }),
    output: handoverDetail,
    roles: handoverLeads,
    transaction: 'write',
  }),
  'handover.updateItem': channel({
    input: itemFields.extend({
      id,
      /** The handover it is edited from; absent when edited on the open-items board. */
      handoverId: id.nullish(),
      status: itemStatus,
      resolution: optionalText(500, 'multiline'),
    }),
    output: handoverItem,
    roles: handoverLeads,
    transaction: 'write',
  }),
  'handover.submit': channel({
    input: z.object({ id, incomingUserId: id }),
    output: handoverDetail,
    roles: handoverLeads,
    transaction: 'write',
  }),
  'handover.acknowledge': channel({
    input: z.object({ id }),
    output: handoverDetail,
    roles: handoverLeads,
    transaction: 'write',
  }),
  'handover.dispute': channel({
    input: z.object({ id, remark: requiredText(500, 'multiline') }),
    output: handoverDetail,
    roles: handoverLeads,
    transaction: 'write',
  }),
  'handover.addendum': channel({
    input: z.object({ id, text: requiredText(2000, 'multiline') }),
    output: handoverDetail,
    roles: addendumWriters,
    transaction: 'write',
  }),
  'handover.list': channel({
    input: handoverListInput,
    output: z.object({
      rows: z.array(
        handoverRow.extend({
          /** With a search: the passage that matched, the words in it for the screen to mark. */
          excerpt: z.string().nullable(),
        }),
      ),
      total: z.number().int(),
    }),
    roles: everyone,
    transaction: 'read',
  }),
  'handover.openItems': channel({
    input: empty,
    output: z.array(openItem),
    roles: everyone,
    transaction: 'read',
  }),
  /** An export is audited: it writes its entry. */
  'handover.exportItems': channel({
    input: z.object({ format: z.enum(['xlsx', 'csv']), language }),
    output: exportFile,
    roles: everyone,
    transaction: 'write',
  }),
} as const;
