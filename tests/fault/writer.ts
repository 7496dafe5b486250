import { DataLayer } from '../../db/data-layer';
import { createBackend, LOCAL_OPERATOR } from '../../electron/backend';

/**
 * A child process for the fault tests: creates teams one by one through the real backend and
 * prints each one's number only after its transaction has committed ("acknowledged").
 * Run: tsx tests/fault/writer.ts DATA_DIR START
 */
const [dataDir, startArg] = process.argv.slice(2);
const data = await DataLayer.open(dataDir!, { dailyBackup: false });
const backend = createBackend(data, { version: 'fault', dataDir: dataDir! }, { log: () => {} });
process.stdout.write('ready\n');
for (let n = Number(startArg ?? 0); ; n++) {
  const result = await backend.callAs('org.teams.create', { name: `crash-${n}` }, LOCAL_OPERATOR);
  if (!result.ok) {
    process.stderr.write(`write ${n} failed: ${JSON.stringify(result.error)}\n`);
    process.exit(1);
  }
  process.stdout.write(`${n}\n`);
}
