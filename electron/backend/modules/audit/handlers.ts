import type { auditChannels } from '../../../../shared/contract';
import { allAudit, listAudit, listAuditRows } from '../../../../db/queries/audit/trail';
import type { HandlersOf } from '../../core/context';
import { moduleText } from '../../files/export-text';
import { auditCsv, auditFileName } from './export';

export const auditHandlers: HandlersOf<typeof auditChannels> = {
  'audit.list': (ctx, { page, pageSize, ...filter }) =>
    listAudit(ctx.db, filter, { page, pageSize }),

  'audit.rows': (ctx, { entryId, offset, limit }) =>
    listAuditRows(ctx.db, entryId, { offset, limit }),

  /** The keyed chain, and that it extends the head file and the newest backups' heads. */
  'audit.verify': (ctx) => ctx.data.verifyAudit(ctx.db),

  /** The trail as CSV; exporting it is itself an audited act. */
  'audit.export': async (ctx, { language, ...filter }) => {
    const rows = await allAudit(ctx.db, filter);
    const text = moduleText(language, 'audit');
    const csv = auditCsv(text, rows);
    await ctx.audit({ action: 'export', entity: 'audit', after: { ...filter, rows: rows.length } });
    return { fileName: auditFileName(text, ctx.now), contentBase64: csv.toString('base64') };
  },
};
