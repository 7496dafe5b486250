import { z } from 'zod';
import { ANCHOR_SOURCES, ANCHOR_STATUSES, AUDIT_ACTIONS, AUDIT_ENTITIES } from '../domain/audit';
import { channel } from './channel';
import { empty, exportFile, id, isoDate, language } from './fields';
import { auditors } from './roles';

export { AUDIT_ACTIONS, AUDIT_ENTITIES };

export const auditFilter = z.object({
  userId: id.optional(),
  entity: z.enum(AUDIT_ENTITIES).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditEntry = z.object({
  id,
  at: z.string(),
  userId: id.nullable(),
  username: z.string().nullable(),
  /** The account's display name now, as people know it; null for 'local' and deleted ones. */
  displayName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** How many rows a bulk entry carries (audit.rows pages them); 0 for a single change. */
  rowCount: z.number().int(),
});
/** Names of the ids the page's changes hold (staffId, teamId, shiftTypeId, userId), by kind and id. */
const idNames = z.object({
  staff: z.record(z.string(), z.string()),
  team: z.record(z.string(), z.string()),
  shiftType: z.record(z.string(), z.string()),
  user: z.record(z.string(), z.string()),
});
export type AuditIdNames = z.infer<typeof idNames>;
export type AuditEntryRow = z.infer<typeof auditEntry>;

/** The audit trail: read it, check its keyed chain against its anchored heads, export it. */
export const auditChannels = {
  'audit.list': channel({
    input: auditFilter.extend({
      /** With entity: one record's history, bulk entries that touched it included. */
      entityId: z.string().min(1).max(100).optional(),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ rows: z.array(auditEntry), total: z.number().int(), names: idNames }),
    roles: auditors,
    transaction: 'read',
  }),
  /** One page of a bulk entry's rows (an import's 10,000 people or punches). */
  'audit.rows': channel({
    input: z.object({
      entryId: id,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({
      rows: z.array(
        z.object({
          index: z.number().int(),
          entity: z.string(),
          entityId: z.string().nullable(),
          change: z.record(z.string(), z.unknown()),
        }),
      ),
      total: z.number().int(),
      names: idNames,
    }),
    roles: auditors,
    transaction: 'read',
  }),
  'audit.verify': channel({
    input: empty,
    output: z.object({
      ok: z.boolean(),
      entries: z.number().int(),
      firstBadId: z.number().int().nullable(),
      /** Whether keyed MACs were checked (always, in the console). */
      keyed: z.boolean(),
      /** The heads anchored outside the database, and whether the live chain extends each. */
      anchors: z.array(
        z.object({
          source: z.enum(ANCHOR_SOURCES),
          name: z.string().nullable(),
          at: z.string().nullable(),
          lastId: z.number().int().nullable(),
          count: z.number().int().nullable(),
          status: z.enum(ANCHOR_STATUSES),
        }),
      ),
    }),
    roles: auditors,
    transaction: 'read',
  }),
  /** Exporting the trail is itself audited. */
  'audit.export': channel({
    input: auditFilter.extend({ language }),
    output: exportFile,
    roles: auditors,
    transaction: 'write',
  }),
} as const;
