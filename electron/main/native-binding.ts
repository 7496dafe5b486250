import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is compiled for one runtime. node_modules keeps the Node build (tests, browser
 * mode); the Electron build lives apart, per Electron version, and is handed to better-sqlite3
 * through its `nativeBinding` option, so neither `npm test` nor `npm start` breaks the other.
 */
export const NATIVE_DIR = '.electron-native';
export const NATIVE_BINDING_ENV = 'SUPERVISOR_CONSOLE_NATIVE_BINDING';

export function electronBindingPath(projectRoot: string, electronVersion: string): string {
  return join(projectRoot, NATIVE_DIR, `electron-${electronVersion}`, 'better_sqlite3.node');
}

export function resolveNativeBinding(
  env: NodeJS.ProcessEnv,
  projectRoot: string,
  electronVersion: string,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const candidate = env[NATIVE_BINDING_ENV] || electronBindingPath(projectRoot, electronVersion);
  return exists(candidate) ? candidate : undefined;
}
