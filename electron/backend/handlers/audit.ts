import { format } from 'date-fns';
import { allAudit, listAudit, verifyAuditChain } from '../../../db/queries/audit/trail';
import type { Handler } from '../context';
import { toCsv } from '../export/csv';

export const auditList: Handler<'audit.list'> = (ctx, { page, pageSize, ...filter }) =>
  listAudit(ctx.db, filter, { page, pageSize });

export const auditVerify: Handler<'audit.verify'> = (ctx) => verifyAuditChain(ctx.db);

/** The trail as CSV; exporting it is itself an audited act. */
export const auditExport: Handler<'audit.export'> = async (ctx, filter) => {
  const rows = await allAudit(ctx.db, filter);
  const csv = toCsv(
    [
      '编号 ID',
      '时间 Time',
      '用户 User',
      '操作 Action',
      '对象 Entity',
      '对象编号 Entity ID',
      '修改前 Before',
      '修改后 After',
    ],
    rows.map((r) => [
      r.id,
      format(new Date(r.at), 'yyyy-MM-dd HH:mm:ss'),
      r.username ?? '',
      r.action,
      r.entity,
      r.entityId ?? '',
      r.before ? JSON.stringify(r.before) : '',
      r.after ? JSON.stringify(r.after) : '',
    ]),
  );
  await ctx.audit({ action: 'export', entity: 'audit', after: { ...filter, rows: rows.length } });
  return {
    fileName: `审计日志-${format(new Date(ctx.now), 'yyyyMMdd-HHmm')}.csv`,
    contentBase64: csv.toString('base64'),
  };
};
