import { DataLayer } from '../../db/data-layer';
import { migrations } from '../../db/migrations';
import { createBackend, LOCAL_OPERATOR } from '../../electron/backend';
import { SLOW_MIGRATION } from './slow-migration';

/**
 * The process the crash tests kill: it works on a data folder through the real data layer and
 * backend and prints what it has done only once it is committed ("acknowledged").
 * Run: node --import tsx tests/fault/writer.ts MODE DATA_DIR START
 *
 * - writes:  creates teams crash-START, crash-START+1, … one by one; prints each number.
 * - import:  imports rosters of 2,000 staff (employee numbers I<batch>-<n>), batch START, START+1, …;
 *            prints "importing <batch>" before and "imported <batch>" after each.
 * - backup:  a team (as in writes), then a backup, again and again; prints the team's number and
 *            "backup <name>" once the backup is complete.
 * - migrate: opens a folder whose file is at the console's latest version with one more
 *            migration, a slow one (slow-migration.ts), which prints "in migration" as it begins;
 *            prints "migrated" once it is committed.
 */
const [mode, dataDir, startArg] = process.argv.slice(2) as [string, string, string?];
const start = Number(startArg ?? 0);
const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'migrate') {
  const data = await DataLayer.open(dataDir, {
    dailyBackup: false,
    migrations: [...migrations, SLOW_MIGRATION],
  });
  say('migrated');
  await data.close();
  process.exit(0);
}

const data = await DataLayer.open(dataDir, { dailyBackup: false });
const backend = createBackend(data, { version: 'fault', dataDir }, { log: () => {} });
async function call(channel: Parameters<typeof backend.callAs>[0], input: unknown) {
  const result = await backend.callAs(channel, input, LOCAL_OPERATOR);
  if (!result.ok) {
    process.stderr.write(`${channel} failed: ${JSON.stringify(result.error)}\n`);
    process.exit(1);
  }
  return result.value;
}

const roster = (batch: number) => {
  const rows = Array.from({ length: 2000 }, (_, n) => `I${batch}-${n},员工${n}`);
  return Buffer.from(`\uFEFF工号,姓名\n${rows.join('\n')}\n`).toString('base64');
};

say('ready');
for (let n = start; ; n++) {
  if (mode === 'import') {
    say(`importing ${n}`);
    await call('org.staff.import', { fileName: `花名册-${n}.csv`, contentBase64: roster(n) });
    say(`imported ${n}`);
    continue;
  }
  await call('org.teams.create', { name: `crash-${n}` });
  say(String(n));
  if (mode === 'backup') {
    const backup = (await call('backups.create', {})) as { name: string };
    say(`backup ${backup.name}`);
  }
}
