import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callHost } from '../helpers/host-api';
import { killStarted, processesMentioning, startNode, type Started } from '../helpers/processes';
import { slowWorkbook } from '../helpers/xlsx-files';

/**
 * The built browser-mode console (out/main/host.js, what `npm start -- --browser` runs) reads an
 * uploaded file in its import worker: the worker's own chunk, found next to the chunk that starts
 * it. While it reads a slow file, another caller is answered at once.
 */
let dataDir: string;
let console_: Started;
let launchUrl: string;
const host = join('out', 'main', 'host.js');

beforeAll(async () => {
  if (!existsSync(host)) throw new Error(`${host} is missing: run npx electron-vite build`);
  dataDir = mkdtempSync(join(tmpdir(), 'console-built-import-'));
  console_ = startNode([host, '--data-dir', dataDir, '--no-open']);
  launchUrl = (await console_.line(/#token=/, 30_000)).trim();
});
afterAll(async () => {
  await killStarted();
  expect(processesMentioning(dataDir), 'a process outlived the test').toEqual([]);
  rmSync(dataDir, { recursive: true, force: true });
});

it('the built host reads a slow file in its worker while another caller is answered at once', async () => {
  const setup = await callHost(launchUrl, 'accounts.setup', {
    username: 'admin',
    displayName: '张主任',
    password: 'correct horse battery',
  });
  expect(setup).toMatchObject({ ok: true });
  const session = (setup as { value: { token: string } }).value.token;

  const file = { fileName: '打卡.xlsx', contentBase64: slowWorkbook().toString('base64') };
  const started = performance.now();
  let done = false;
  const importing = callHost(
    launchUrl,
    'attendance.previewImport',
    { ...file, mapping: null },
    session,
  ).finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const at = performance.now();
    const [status, teams] = await Promise.all([
      callHost(launchUrl, 'accounts.status', {}),
      callHost(launchUrl, 'org.teams.list', {}, session),
    ]);
    expect(status).toMatchObject({ ok: true });
    expect(teams).toMatchObject({ ok: true });
    if (!done) latencies.push(performance.now() - at);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const result = await importing;
  const importMs = performance.now() - started;
  // Read whole by the worker (no mapping fits its made-up headers, so nothing more to do).
  expect(result).toMatchObject({ ok: true, value: { rows: 189_999 } });
  expect(latencies.length).toBeGreaterThanOrEqual(6);
  expect(Math.max(...latencies), `import took ${importMs.toFixed(0)} ms`).toBeLessThan(
    importMs / 3,
  );
  expect(console_.stderr()).not.toMatch(/import worker|ERR_/);
}, 120_000);
