import { z } from 'zod';
import { AUDIT_ENTITIES } from '../domain/audit';
import { id, isoDate } from './fields';

export { AUDIT_ENTITIES };

export const auditFilter = z.object({
  userId: id.optional(),
  entity: z.enum(AUDIT_ENTITIES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditEntry = z.object({
  id,
  at: z.string(),
  userId: id.nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryRow = z.infer<typeof auditEntry>;

/** A file the renderer saves for the user: Electron's save dialog, or a browser download. */
export const exportFile = z.object({ fileName: z.string(), contentBase64: z.string() });
