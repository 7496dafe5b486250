import { resolve } from 'node:path';
import { DataLayer } from '../db/data-layer';
import { verifyAuditChain } from '../db/queries/audit/trail';
import { resolveDataDir, userDataDir } from '../electron/backend/data-dir';

/** `npm run audit:check [-- --data-dir DIR]`: walks the audit trail's hash chain; exit 1 if broken. */
const dataDir = resolve(resolveDataDir(process.argv.slice(2), process.env, userDataDir()));
const store = await DataLayer.open(dataDir, { dailyBackup: false });
const report = await verifyAuditChain(store.db);
await store.close();
if (report.ok) {
  console.log(`审计链完整 / Audit chain intact: ${report.entries} entries in ${dataDir}`);
} else {
  console.error(
    `审计链被改动 / Audit chain BROKEN at entry #${report.firstBadId} (${dataDir}). The entry was changed, removed or inserted outside the console.`,
  );
  process.exit(1);
}
