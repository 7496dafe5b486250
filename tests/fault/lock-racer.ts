import { existsSync } from 'node:fs';
import { lockDataFolder } from '../../electron/backend/console-lock';

/**
 * Races for a data folder's console lock: prints "ready", waits for the file GO_FILE to appear
 * (so every racer starts at once, however long each took to load), tries to take the lock,
 * prints "acquired" or "held <pid>", and keeps what it got until it is killed.
 * Run: node --import tsx tests/fault/lock-racer.ts DATA_DIR GO_FILE
 */
const [dataDir, goFile] = process.argv.slice(2);
process.stdout.write('ready\n');
while (!existsSync(goFile!)) await new Promise((resolve) => setTimeout(resolve, 2));
const attempt = await lockDataFolder(dataDir!, 'browser', { answers: async () => true });
process.stdout.write(
  attempt.acquired ? 'acquired\n' : `held ${attempt.holder ? attempt.holder.pid : 'none'}\n`,
);
setInterval(() => {}, 60_000);
