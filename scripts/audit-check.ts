import { resolve } from 'node:path';
import { AuditKeyUnavailableError } from '../db/audit-key';
import { DataLayer } from '../db/data-layer';
import type { AnchorCheck } from '../db/queries/audit/trail';
import { resolveDataDir, userDataDir } from '../electron/backend/data-dir';
import { FAILING_ANCHOR } from '../shared/domain/audit';

/**
 * `npm run audit:check [-- --data-dir DIR]`: verifies the audit trail's keyed chain, and that it
 * extends the head anchored beside the database and the newest backup's (in both backup
 * folders): a cut-off tail or an older file put back shows. Exit 1 if anything does not hold.
 */
const dataDir = resolve(resolveDataDir(process.argv.slice(2), process.env, userDataDir()));
let store: DataLayer;
try {
  store = await DataLayer.open(dataDir, { dailyBackup: false });
} catch (error) {
  if (!(error instanceof AuditKeyUnavailableError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const report = await store.verifyAudit();
await store.close();

const WHERE: Record<AnchorCheck['source'], string> = {
  head: '链头文件 / head file',
  backup: '最新备份 / newest backup',
  mirror: '第二备份文件夹的最新备份 / newest backup in the second folder',
};
const SAYS: Record<AnchorCheck['status'], string> = {
  ok: 'the live chain extends it',
  restored: 'replaced by a restore in the console, which recorded it',
  behind:
    'NOT REACHED: the live trail is shorter or different — its tail was cut, or an older database file was put back',
  unchecked: 'not checked: the chain is broken before it',
  none: 'nothing anchored yet',
  forged: 'FORGED: its signature does not match this data folder’s audit key',
  missing: 'MISSING: the head file was removed though keyed entries were written',
};

if (report.firstBadId === null) {
  console.log(
    `${report.ok ? '审计链完整 / Audit chain intact' : '审计链本身完整 / The chain itself links up'}: ${report.entries} entries in ${dataDir}`,
  );
} else {
  console.error(
    `审计链被改动 / Audit chain BROKEN at entry #${report.firstBadId} (${dataDir}). The entry was changed, removed or inserted outside the console.`,
  );
}
for (const anchor of report.anchors) {
  const at = anchor.lastId === null ? '' : ` (entry #${anchor.lastId}, ${anchor.count} entries)`;
  const line = `  ${WHERE[anchor.source]}${anchor.name ? ` ${anchor.name}` : ''}${at}: ${SAYS[anchor.status]}`;
  if (FAILING_ANCHOR.includes(anchor.status)) console.error(line);
  else console.log(line);
}
if (!report.ok) process.exit(1);
