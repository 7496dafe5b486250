import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config';

export interface StartupTiming {
  /** From spawning the host process to the line with its address. */
  addressMs: number;
  /** From spawning the host process to a sign-in form one can type into. */
  interactiveMs: number;
  /** From spawning to Chromium's window ready for the address (the browser's own start). */
  browserMs: number;
  /** From spawning to the page's scripts loaded and run (DOMContentLoaded). */
  scriptsMs: number;
}

/**
 * One browser-mode start, timed as a user lives it: `node out/main/host.js` is spawned, and when
 * it prints its address Chromium opens it (the host would open its own window; Playwright's
 * Chromium stands in for it so the page can be watched). Interactive means the sign-in form is
 * on screen and takes typing: the bundle has loaded, React has rendered, the backend answered.
 */
export async function timeBrowserStart(
  root: string,
  dataDir: string,
  profileDir?: string,
): Promise<StartupTiming> {
  const start = performance.now();
  const host = spawn(
    process.execPath,
    [join(root, 'out', 'main', 'host.js'), '--data-dir', dataDir, '--no-open'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => host.once('exit', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      host.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(out);
        if (match) resolve(match[0]);
      });
      host.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      host.once('exit', (code) => reject(new Error(`host exited (${code}): ${out}`)));
    });
    const addressMs = performance.now() - start;
    // A persistent profile keeps the HTTP cache between starts, as the host's own window does.
    const context = profileDir
      ? await chromium.launchPersistentContext(profileDir, {
          executablePath: CHROMIUM,
          args: CHROMIUM_ARGS,
        })
      : await (
          await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
        ).newContext();
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const browserMs = performance.now() - start;
      let scriptsMs = NaN;
      page.once('domcontentloaded', () => (scriptsMs = performance.now() - start));
      await page.goto(url, { waitUntil: 'commit' });
      const username = page.locator('input[autocomplete=username]');
      await username.waitFor({ state: 'visible', timeout: 30_000 });
      await username.fill('admin'); // waits until it is enabled and editable
      const interactiveMs = performance.now() - start;
      return { addressMs, interactiveMs, browserMs, scriptsMs };
    } finally {
      await context.close();
      await context.browser()?.close();
    }
  } finally {
    host.kill('SIGTERM');
    await exited;
  }
}
