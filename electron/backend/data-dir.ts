import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'supervisor-console';
export const DATA_DIR_ENV = 'SUPERVISOR_CONSOLE_DATA_DIR';

/**
 * The folder Electron calls `userData`, computed without Electron so browser mode finds the same
 * database on the same machine: %APPDATA% on Windows, Application Support on macOS, XDG on Linux.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

/** `--data-dir X` or `--data-dir=X` wins, then the environment variable, then the default. */
export function resolveDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  fallback: string,
): string {
  const flag = argv.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='));
  if (flag >= 0) {
    const arg = argv[flag]!;
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[flag + 1];
    if (value) return value;
  }
  return env[DATA_DIR_ENV] || fallback;
}
