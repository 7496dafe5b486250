import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { electronBindingPath } from '../../electron/main/native-binding';

/**
 * Builds better-sqlite3 for Electron in a scratch copy, then keeps only the .node file under
 * .electron-native/: node_modules keeps its Node build, so `npm test` never breaks.
 * First a prebuilt binary (prebuild-install), else a compile against Electron's headers.
 */
export function buildElectronBinding(
  root: string,
  electronVersion: string,
  log = console.log,
): string | undefined {
  const target = electronBindingPath(root, electronVersion);
  if (existsSync(target)) return target;
  const scratch = mkdtempSync(join(tmpdir(), 'console-native-'));
  try {
    const pkg = join(scratch, 'better-sqlite3');
    cpSync(join(root, 'node_modules', 'better-sqlite3'), pkg, {
      recursive: true,
      filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
    });
    const bin = (name: string) => join(root, 'node_modules', '.bin', name);
    const env = {
      ...process.env,
      npm_config_runtime: 'electron',
      npm_config_target: electronVersion,
    };
    log(`Building better-sqlite3 for Electron ${electronVersion}…`);
    const attempts: [string, string[]][] = [
      [bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion]],
      [
        bin('node-gyp'),
        [
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${electronVersion}`,
          `--dist-url=${process.env.ELECTRON_HEADERS_MIRROR ?? 'https://electronjs.org/headers'}`,
        ],
      ],
    ];
    for (const [command, args] of attempts) {
      if (!existsSync(command)) continue;
      const result = spawnSync(command, args, { cwd: pkg, env, stdio: 'ignore', timeout: 600_000 });
      const built = join(pkg, 'build', 'Release', 'better_sqlite3.node');
      if (result.status === 0 && existsSync(built)) {
        mkdirSync(dirname(target), { recursive: true });
        cpSync(built, target);
        return target;
      }
    }
    return undefined;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
