import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBackup } from '../../db/backups';
import { DataLayer } from '../../db/data-layer';
import { LOCK_FILE_NAME, type LockHolder } from '../../electron/backend/console-lock';
import { callHost } from '../helpers/host-api';
import {
  isAlive,
  killStarted,
  processesMentioning,
  startNode,
  startScript,
  type Started,
} from '../helpers/processes';

/**
 * One console per data folder, with real processes: the built browser-mode console
 * (out/main/host.js, what `npm start -- --browser` runs), started twice on one folder, killed,
 * started again; and the command-line tools run beside it.
 */
let dataDir: string;
const host = () => join('out', 'main', 'host.js');
const startConsole = () => startNode([host(), '--data-dir', dataDir, '--no-open']);
const lockHolder = () =>
  JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8')) as LockHolder;

async function launchUrlOf(console: Started) {
  return (await console.line(/#token=/)).trim();
}

const call = callHost;

beforeAll(() => {
  if (!existsSync(host())) throw new Error(`${host()} is missing: run npx electron-vite build`);
  dataDir = mkdtempSync(join(tmpdir(), 'console-one-'));
});
afterAll(async () => {
  await killStarted();
  expect(processesMentioning(dataDir), 'a process outlived the test').toEqual([]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('one console per data folder', () => {
  let first: Started;
  let firstUrl: string;

  it('a second start on the folder names the running console and starts no second host', async () => {
    first = startConsole();
    firstUrl = await launchUrlOf(first);
    expect(lockHolder()).toMatchObject({ pid: first.pid, mode: 'browser', url: firstUrl });

    const second = startConsole();
    const { code } = await second.exited;
    expect(code).toBe(0);
    const said = second.lines.join('\n');
    expect(said).toContain('控制台已在运行');
    expect(said).toContain(firstUrl); // the address of the running console, token included
    expect(said).not.toContain('Press Ctrl+C'); // it never started a host of its own
    expect(lockHolder().pid).toBe(first.pid);
    expect(await call(firstUrl, 'accounts.status', {})).toMatchObject({ ok: true });
  }, 60_000);

  it('tools work beside the running console: audit:check, the demo loader, a backup', async () => {
    const demo = startScript(join('scripts', 'demo.ts'), ['--data-dir', dataDir]);
    expect((await demo.exited).code).toBe(0);
    expect(demo.lines.join('\n')).toContain('Demo data loaded');

    // The console writes while the tools run.
    const setup = await call(firstUrl, 'accounts.setup', {
      username: 'admin',
      displayName: '张主任',
      password: 'correct horse battery',
    });
    expect(setup).toMatchObject({ ok: true });
    const session = (setup as { value: { token: string } }).value.token;
    const writes = Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(firstUrl, 'org.teams.create', { name: `工具旁-${i}` }, session),
      ),
    );
    const check = startScript(join('scripts', 'audit-check.ts'), ['--data-dir', dataDir]);
    const layer = await DataLayer.open(dataDir, { dailyBackup: false });
    const backup = await layer.backup('manual');
    await layer.close();
    expect((await writes).filter((r) => !r.ok)).toEqual([]);
    expect((await check.exited).code).toBe(0);
    expect(check.lines.join('\n')).toContain('Audit chain intact');
    expect(await checkBackup(backup.file)).toMatchObject({ ok: true });
  }, 90_000);

  it('a console killed with SIGKILL leaves a stale lock, and the next start takes it over', async () => {
    await first.kill();
    expect(isAlive(first.pid)).toBe(false);
    expect(lockHolder().pid).toBe(first.pid); // left behind

    const next = startConsole();
    const nextUrl = await launchUrlOf(next);
    expect(nextUrl).not.toBe(firstUrl);
    expect(lockHolder()).toMatchObject({ pid: next.pid, url: nextUrl });
    expect(await call(nextUrl, 'accounts.status', {})).toMatchObject({ ok: true });

    // Stopped the ordinary way (Ctrl+C, or SIGTERM), it removes its lock.
    next.child.kill('SIGTERM');
    expect((await next.exited).code).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  }, 60_000);
});
