import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../db/store';
import { DataLayer } from '../../db/data-layer';
import { verifyAuditChain } from '../../db/queries/audit/trail';
import { sleep, startWriter } from './helpers';

/** CI kills the writer 50 times; `npm run soak` raises this. */
const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-crash-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function verify(dataDir: string, mustHave: number[]) {
  const raw = new Database(join(dataDir, DATABASE_FILE_NAME));
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  const names = new Set(
    raw.prepare("select name from teams where name like 'crash-%'").pluck().all() as string[],
  );
  raw.close();
  const missing = mustHave.filter((n) => !names.has(`crash-${n}`));
  expect(missing, 'acknowledged records lost').toEqual([]);
  const layer = await DataLayer.open(dataDir, { dailyBackup: false });
  expect((await verifyAuditChain(layer.db)).ok).toBe(true);
  await layer.close();
  return names.size;
}

describe('a crash at any moment', () => {
  it(
    `loses no acknowledged record and leaves a sound file, over ${KILLS} SIGKILLs`,
    async () => {
      const dataDir = tempDir();
      const acked: number[] = [];
      for (let i = 0; i < KILLS; i++) {
        // Each writer numbers from its own range, so a write committed but never acknowledged
        // (killed between commit and print) cannot collide with the next writer's names.
        const writer = startWriter(dataDir, i * 1_000_000);
        await writer.ready;
        await sleep(20 + Math.random() * 150);
        writer.child.kill('SIGKILL');
        await writer.exited;
        acked.push(...writer.acked);
        await verify(dataDir, acked);
      }
      expect(acked.length).toBeGreaterThan(KILLS); // the writer really wrote between kills
    },
    KILLS * 10_000,
  );

  it('restores a backup taken while another process was writing', async () => {
    const dataDir = tempDir();
    const layer = await DataLayer.open(dataDir, { dailyBackup: false });
    const writer = startWriter(dataDir, 0);
    await writer.ready;
    await sleep(150);
    const before = writer.acked.length;
    const backup = await layer.backup('manual');
    const after = writer.acked.length;
    await sleep(100);
    writer.child.kill('SIGKILL');
    await writer.exited;
    await layer.close();
    expect(writer.acked.length).toBeGreaterThan(after); // writes went on during and after the backup

    // Restore it into a fresh folder, as the console would: checked, opened, and whole.
    const restoreDir = tempDir();
    copyFileSync(backup.file, join(restoreDir, DATABASE_FILE_NAME));
    const count = await verify(restoreDir, writer.acked.slice(0, before));
    expect(count).toBeGreaterThanOrEqual(before);
    expect(count).toBeLessThanOrEqual(writer.acked.length + 1);
  }, 30_000);
});
