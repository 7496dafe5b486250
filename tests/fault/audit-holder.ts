import { DataLayer } from '../../db/data-layer';
import { appendAudit } from '../../db/queries/audit/trail';
import { writeTransaction } from '../../db/sqlite';

/**
 * Appends one audit entry the way every action does (read the last hash, insert), then holds its
 * write transaction open for HOLD_MS before committing: another process's append meanwhile must
 * wait for it, and chain onto it, not onto the hash it read before.
 * Run: node --import tsx tests/fault/audit-holder.ts DATA_DIR HOLD_MS
 */
const [dataDir, holdMs] = process.argv.slice(2);
const layer = await DataLayer.open(dataDir!, { dailyBackup: false });
await writeTransaction(layer.db, async (trx) => {
  await appendAudit(trx, layer.auditKey, {
    at: new Date().toISOString(),
    userId: null,
    username: 'holder',
    action: 'export',
    entity: 'audit',
    entityId: null,
  });
  process.stdout.write('holding\n');
  await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
});
process.stdout.write('committed\n');
await layer.close();
