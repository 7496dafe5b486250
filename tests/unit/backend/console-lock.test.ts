import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LOCK_FILE_NAME,
  lockDataFolder,
  runningConsoleMessage,
  type LockHolder,
} from '../../../electron/backend/console-lock';
import { claimDataFolder } from '../../../electron/main/single-console';
import { killStarted, startNode, startScript } from '../../helpers/processes';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await killStarted();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const lockIn = (dir: string) =>
  JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')) as LockHolder;
const writeLock = (dir: string, holder: LockHolder) =>
  writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify(holder));

/** The PID of a process that has just ended: certainly not running. */
async function deadPid(): Promise<number> {
  const child = startNode(['-e', '0']);
  await child.exited;
  return child.pid;
}

describe("the data folder's console lock", () => {
  it('is taken by the first console, owner-only, and names it to the second', async () => {
    const dir = tempDir();
    const first = await lockDataFolder(dir, 'browser');
    expect(first.acquired).toBe(true);
    if (!first.acquired) return;
    first.lock.setUrl('http://127.0.0.1:5555/#token=abc');
    expect(statSync(join(dir, LOCK_FILE_NAME)).mode & 0o777).toBe(0o600); // it holds the token
    const second = await lockDataFolder(dir, 'browser', { answers: async () => true });
    expect(second).toEqual({
      acquired: false,
      holder: expect.objectContaining({
        pid: process.pid,
        mode: 'browser',
        url: 'http://127.0.0.1:5555/#token=abc',
      }),
    });
    first.lock.release();
    expect(() => lockIn(dir)).toThrow(/ENOENT/);
  });

  it('takes over the lock of a console that was killed (its PID is gone)', async () => {
    const dir = tempDir();
    const pid = await deadPid();
    writeLock(dir, { pid, mode: 'browser', url: 'http://127.0.0.1:1/', startedAt: 'x' });
    const attempt = await lockDataFolder(dir, 'browser');
    expect(attempt.acquired).toBe(true);
    expect(lockIn(dir).pid).toBe(process.pid);
  });

  it('takes over a lock whose PID was reused by another program (its address does not answer)', async () => {
    const dir = tempDir();
    // process.pid is alive, but nothing listens at port 1.
    writeLock(dir, {
      pid: process.pid,
      mode: 'browser',
      url: 'http://127.0.0.1:1/',
      startedAt: 'x',
    });
    expect((await lockDataFolder(dir, 'browser')).acquired).toBe(true);
  });

  it('waits for a lock being written, and takes over one left empty long ago', async () => {
    const dir = tempDir();
    const file = join(dir, LOCK_FILE_NAME);
    writeFileSync(file, '');
    const started = Date.now();
    const waiting = lockDataFolder(dir, 'browser', { writingGraceMs: 400 });
    expect((await waiting).acquired).toBe(true); // after the grace, the empty lock is stale
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    rmSync(file);
    writeFileSync(file, '');
    utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect((await lockDataFolder(dir, 'browser')).acquired).toBe(true);
  });

  it('lets exactly one of six processes racing for a stale lock take it', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: await deadPid(), mode: 'browser', startedAt: 'x' });
    const go = join(tempDir(), 'go');
    const racers = Array.from({ length: 6 }, () =>
      startScript(join('tests', 'fault', 'lock-racer.ts'), [dir, go]),
    );
    await Promise.all(racers.map((r) => r.line(/^ready$/)));
    writeFileSync(go, '');
    const answers = await Promise.all(racers.map((r) => r.line(/^(acquired|held)/)));
    const winners = racers.filter((_, i) => answers[i] === 'acquired');
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => a === `held ${winners[0]!.pid}`)).toHaveLength(5);
  }, 30_000);

  it('says where the running console is, in both languages', () => {
    const browser = runningConsoleMessage(
      { pid: 42, mode: 'browser', url: 'http://127.0.0.1:5555/#token=t', startedAt: 'x' },
      '/data',
    );
    expect(browser).toContain('控制台已在运行');
    expect(browser).toContain('already running');
    expect(browser).toContain('http://127.0.0.1:5555/#token=t');
    expect(runningConsoleMessage({ pid: 42, mode: 'electron', startedAt: 'x' }, '/data')).toMatch(
      /桌面程序[\s\S]*desktop app/,
    );
  });

  it('makes the desktop app quit, naming the browser-mode console, when one runs on the folder', async () => {
    const dir = tempDir();
    const browser = await lockDataFolder(dir, 'browser');
    if (!browser.acquired) throw new Error('expected the lock');
    browser.lock.setUrl('http://127.0.0.1:5555/#token=t');
    const told: string[] = [];
    // The browser console's address answers: stand in for its host with our own process.
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => res.end()).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    browser.lock.setUrl(`http://127.0.0.1:${port}/#token=t`);
    try {
      expect(await claimDataFolder(dir, (m) => told.push(m))).toBe('another console runs');
      expect(told[0]).toContain(`http://127.0.0.1:${port}/#token=t`);
    } finally {
      server.close();
    }
    browser.lock.release();
    const claim = await claimDataFolder(dir, (m) => told.push(m));
    expect(claim).toMatchObject({ lock: expect.anything() });
    expect(lockIn(dir).mode).toBe('electron');
  });
});
