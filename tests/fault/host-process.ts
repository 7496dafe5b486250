import { join } from 'node:path';
import { startBackend } from '../../electron/backend/core/startup';
import { startHost } from '../../electron/host/server';

/**
 * A second backend on a data folder, in a process of its own, behind the real loopback host: what
 * a second console or a tool beside the console amounts to for the database. It takes no folder
 * lock (that is the console's CLI), so two of these may share a folder.
 * Run: node --import tsx tests/fault/host-process.ts DATA_DIR
 * Prints "listening <url> <token>" once it answers.
 */
const dataDir = process.argv[2]!;
const slot = await startBackend({ version: 'fault', dataDir }, { dailyBackup: false });
const host = await startHost({
  backend: () => slot.backend,
  staticDir: join(process.cwd(), 'out', 'renderer'),
});
process.stdout.write(`listening ${host.url} ${host.token}\n`);
