import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What a start loads before the host listens: every module the entry imports statically, followed
 * through the built chunks (out/main, as `npm test` builds it first). Node resolving and compiling
 * a library's hundreds of ES module files took ~250 ms of each start, so only what cannot be
 * bundled may come from node_modules there: the native SQLite binding and Electron itself.
 */
const main = join(process.cwd(), 'out', 'main');
const MAY_STAY_OUTSIDE = new Set(['better-sqlite3', 'electron']);

function staticImports(entry: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    // Only import declarations at the start of a line: a library's comments quote `from "x"` too.
    for (const [, specifier] of code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"/gm)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!));
      else if (!specifier!.startsWith('node:')) packages.add(specifier!.split('/')[0]!);
    }
  };
  visit(entry);
  return { files, packages: [...packages].sort() };
}

describe('the main-process bundle', () => {
  for (const entry of ['host.js', 'index.js']) {
    it(`${entry} loads no pure-JS library from node_modules on start`, () => {
      const file = join(main, entry);
      if (!existsSync(file)) throw new Error(`${file} is missing: run npx electron-vite build`);
      const { packages } = staticImports(file);
      expect(packages.filter((p) => !MAY_STAY_OUTSIDE.has(p))).toEqual([]);
    });
  }
});
