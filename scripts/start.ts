import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NATIVE_BINDING_ENV } from '../electron/main/native-binding';
import {
  downloadElectron,
  ELECTRON_UNAVAILABLE,
  electronExecutable,
  electronVersion,
  isBuildStale,
} from './lib/electron-runtime';
import { buildElectronBinding } from './lib/native-build';

/**
 * `npm start`: build if sources changed, then the Electron console when its runtime can be had,
 * else browser mode (the loopback host in a Chromium app window). `--browser` skips Electron.
 */
const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const args = process.argv.slice(2);

function build() {
  const outputs = [
    'out/main/index.js',
    'out/main/host.js',
    'out/preload/index.cjs',
    'out/renderer/index.html',
  ];
  if (
    !isBuildStale(root, outputs, [
      'electron',
      'renderer',
      'shared',
      'db',
      'electron.vite.config.ts',
      'package.json',
    ])
  )
    return;
  console.log('Building the console…');
  const result = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

function browserMode() {
  run(process.execPath, [
    join(root, 'out', 'main', 'host.js'),
    ...args.filter((a) => a !== '--browser'),
  ]);
}

build();
const version = electronVersion(root);
if (args.includes('--browser')) {
  browserMode();
} else {
  const executable =
    electronExecutable(root) ?? (downloadElectron(root) ? electronExecutable(root) : undefined);
  const binding = executable && buildElectronBinding(root, version);
  if (!executable || !binding) {
    console.log(
      executable
        ? `\nThe Electron build of better-sqlite3 could not be made (no prebuilt binary, and Electron's headers could not be fetched: set ELECTRON_HEADERS_MIRROR). Starting browser mode.\n`
        : ELECTRON_UNAVAILABLE(version),
    );
    browserMode();
  } else {
    run(executable, [root, ...args], { ...process.env, [NATIVE_BINDING_ENV]: binding });
  }
}
