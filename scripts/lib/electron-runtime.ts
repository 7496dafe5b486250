import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finding (or fetching) the Electron runtime and the Electron build of better-sqlite3. Kept apart
 * from Electron itself so `npm start` and the tests can decide what to run without launching it.
 */
export interface Probe {
  exists(path: string): boolean;
  read(path: string): string;
}
const disk: Probe = { exists: existsSync, read: (p) => readFileSync(p, 'utf8') };

export function electronVersion(root: string, probe: Probe = disk): string {
  return (
    JSON.parse(probe.read(join(root, 'node_modules', 'electron', 'package.json'))) as {
      version: string;
    }
  ).version;
}

/** The runtime's executable, following the electron package's own rules (path.txt, ELECTRON_OVERRIDE_DIST_PATH). */
export function electronExecutable(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  probe: Probe = disk,
): string | undefined {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = probe.exists(pathFile) ? probe.read(pathFile).trim() : undefined;
  const candidates = env.ELECTRON_OVERRIDE_DIST_PATH
    ? [
        join(
          env.ELECTRON_OVERRIDE_DIST_PATH,
          relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'),
        ),
      ]
    : relative
      ? [join(pkg, 'dist', relative)]
      : [];
  return candidates.find((c) => probe.exists(c));
}

/** Asks the electron package to download its runtime (honours ELECTRON_MIRROR). Fails fast offline. */
export function downloadElectron(root: string, timeoutMs = 120_000): boolean {
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron', 'install.js')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: timeoutMs,
      env: process.env,
    },
  );
  return result.status === 0;
}

export const ELECTRON_UNAVAILABLE = (version: string) => `
┌ 桌面版运行时（Electron ${version}）不可用，改为浏览器模式启动 ─────────────
│ Electron 的运行时需从 GitHub 下载，当前网络无法获取。控制台已改用浏览器模式：
│ 功能与数据完全相同，在 Chrome / Edge / Chromium 的应用窗口中打开。如需桌面版：
│ 将 ELECTRON_MIRROR 设为 Electron 发行版的镜像地址后重新运行 npm start，或解压
│ Electron ${version} 并把 ELECTRON_OVERRIDE_DIST_PATH 指向其目录。
│ The Electron ${version} runtime is not installed and could not be downloaded
│ (it comes from GitHub, which this network cannot reach), so the console starts
│ in browser mode: same features, same data folder, in a Chrome, Edge or Chromium
│ app window. For the desktop app, set ELECTRON_MIRROR to a mirror of Electron's
│ releases and run npm start again, or unpack an Electron ${version} build and
│ point ELECTRON_OVERRIDE_DIST_PATH at its folder.
└──────────────────────────────────────────────────────────────────────────────`;

/** True when some source file is newer than the oldest build output (or an output is missing). */
export function isBuildStale(root: string, outputs: string[], sourceDirs: string[]): boolean {
  const outTimes = outputs.map((o) =>
    existsSync(join(root, o)) ? statSync(join(root, o)).mtimeMs : 0,
  );
  const built = Math.min(...outTimes);
  if (built === 0) return true;
  const newest = (path: string): number => {
    if (!existsSync(path)) return 0;
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
  };
  return sourceDirs.some((dir) => newest(join(root, dir)) > built);
}
