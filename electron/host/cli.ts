import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SchemaTooNewError } from '../../db/store';
import { lockDataFolder, runningConsoleMessage } from '../backend/console-lock';
import { startBackend } from '../backend/core/startup';
import { resolveDataDir, userDataDir } from '../backend/data-dir';
import { findBrowser, openAppWindow } from './browser';
import { startHost } from './server';

/** Browser mode: `node out/main/host.js [--data-dir DIR] [--port N] [--no-open]`. */
const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..', '..');
const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

async function main() {
  const dataDir = resolve(resolveDataDir(argv, process.env, userDataDir()));
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const profileDir = join(dataDir, 'browser-profile');
  // One console per data folder: a second start opens the running one instead of a second host.
  const claim = await lockDataFolder(dataDir, 'browser');
  if (!claim.acquired && claim.holder) {
    console.log(runningConsoleMessage(claim.holder, dataDir));
    const browser = argv.includes('--no-open') || !claim.holder.url ? undefined : findBrowser();
    if (browser) openAppWindow(browser, claim.holder.url!, profileDir);
    process.exit(0);
  }
  const lock = claim.acquired ? claim.lock : null;
  process.on('exit', () => lock?.release());
  let slot;
  try {
    slot = await startBackend({ version, dataDir });
  } catch (error) {
    if (error instanceof SchemaTooNewError) {
      console.error(`\n${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  if (!slot.data)
    console.error('The database is damaged: the console opens on its recovery screen.');
  const host = await startHost({
    backend: () => slot.backend,
    staticDir: join(projectRoot, 'out', 'renderer'),
    port: Number(flag('--port') ?? 0),
  });

  lock?.setUrl(host.launchUrl);

  console.log(`Supervisor console (browser mode) — data: ${dataDir}`);
  const browser = argv.includes('--no-open') ? undefined : findBrowser();
  if (browser) {
    openAppWindow(browser, host.launchUrl, profileDir);
    console.log(`Opened in ${browser}. If the window was closed, open:\n  ${host.launchUrl}`);
  } else {
    console.log(`Open this address in Chrome, Edge or Chromium:\n  ${host.launchUrl}`);
  }
  console.log('Press Ctrl+C to stop the console.');

  const stop = async () => {
    await host.close();
    await slot.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
