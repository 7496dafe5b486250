import { format } from 'date-fns';
import type { allAudit } from '../../../../db/queries/audit/trail';
import { toCsv } from '../../files/csv';
import type { ExportText } from '../../files/export-text';

/**
 * The trail as CSV, in the user's language: who, what and which record as the audit page names
 * them; the changes as the JSON the chain covers, so the file can be checked against it.
 */
export function auditCsv({ t }: ExportText, rows: Awaited<ReturnType<typeof allAudit>>): Buffer {
  return toCsv(
    [
      t('audit.file.columns.id'),
      t('audit.time'),
      t('audit.user'),
      t('audit.action'),
      t('audit.entity'),
      t('audit.file.columns.entityId'),
      t('audit.file.columns.before'),
      t('audit.file.columns.after'),
    ],
    rows.map((r) => [
      r.id,
      format(new Date(r.at), 'yyyy-MM-dd HH:mm:ss'),
      r.displayName ?? r.username ?? '',
      t(`audit.actions.${r.action}`, { defaultValue: r.action }),
      t(`audit.entities.${r.entity}`, { defaultValue: r.entity }),
      r.entityId ?? '',
      r.before ? JSON.stringify(r.before) : '',
      r.after ? JSON.stringify(r.after) : '',
    ]),
  );
}

export const auditFileName = ({ t }: ExportText, now: string) =>
  `${t('audit.file.title')}-${format(new Date(now), 'yyyyMMdd-HHmm')}.csv`;
