import { format } from 'date-fns';
import type { allAudit } from '../../../../db/queries/audit/trail';
import { toCsv } from '../../files/csv';

/** The trail as CSV, with bilingual headers: the file leaves the console. */
export function auditCsv(rows: Awaited<ReturnType<typeof allAudit>>): Buffer {
  return toCsv(
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
}

export const auditFileName = (now: string) =>
  `审计日志-${format(new Date(now), 'yyyyMMdd-HHmm')}.csv`;
