import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBackup } from '../../db/backups';
import { DataLayer } from '../../db/data-layer';
import { migrations } from '../../db/migrations';
import { verifyAuditChain } from '../../db/queries/audit/trail';
import { DATABASE_FILE_NAME } from '../../db/store';
import { createBackend, LOCAL_OPERATOR } from '../../electron/backend';
import { isAlive, killStarted, processesMentioning, type Started } from '../helpers/processes';
import { ackedNumbers, sleep, startWriter } from './helpers';
import { SLOW_MIGRATION } from './slow-migration';

/**
 * SIGKILL at random moments, of the process that writes (node running the writer itself, not a
 * wrapper: after each kill the test checks the PID is gone and that no process of the folder is
 * left), during ordinary writes, a 2,000-row import, a backup and a migration. After every kill:
 * each acknowledged record is there, integrity_check is ok and the audit chain verifies.
 * CI kills 30 times during writes and 10 times in each of the others; `npm run soak` raises it.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 30);
const OTHER_KILLS = Math.max(5, Math.round(KILLS / 3));
const root = mkdtempSync(join(tmpdir(), 'console-crash-'));
let folders = 0;
const tempDir = () => {
  const dir = join(root, String(folders++));
  mkdirSync(dir);
  return dir;
};
afterAll(async () => {
  await killStarted();
  expect(processesMentioning(root), 'a writer outlived the crash test').toEqual([]);
  rmSync(root, { recursive: true, force: true });
});

/** SIGKILL, and proof that it was the writer that died and nothing of it goes on. */
async function kill(writer: Started, dataDir: string) {
  await writer.kill();
  expect(isAlive(writer.pid), 'the killed writer is still running').toBe(false);
  expect(processesMentioning(dataDir), 'a process still works on the folder').toEqual([]);
}

const randomMs = (min: number, max: number) => min + Math.random() * (max - min);

const readOnly = <T>(dataDir: string, read: (db: Database.Database) => T): T => {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};

/** The file is whole and its audit chain verifies; returns the teams named crash-N in it. */
async function expectSound(dataDir: string, options: { migrations?: typeof migrations } = {}) {
  const names = readOnly(dataDir, (db) => {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return new Set(
      db.prepare("select name from teams where name like 'crash-%'").pluck().all() as string[],
    );
  });
  const layer = await DataLayer.open(dataDir, { dailyBackup: false, ...options });
  try {
    expect(await verifyAuditChain(layer.db)).toMatchObject({ ok: true });
  } finally {
    await layer.close();
  }
  return names;
}

function expectTeams(names: Set<string>, acked: number[]) {
  const missing = acked.filter((n) => !names.has(`crash-${n}`));
  expect(missing, 'acknowledged records lost').toEqual([]);
}

/** Ballast, so a backup or a migration takes long enough to be killed in the middle. */
async function withBallast(dataDir: string, megabytes: number) {
  const layer = await DataLayer.open(dataDir, { dailyBackup: false });
  layer.store.sqlite.exec(`
    create table crash_ballast (b blob);
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${megabytes * 256})
    insert into crash_ballast select randomblob(4096) from n;`);
  return layer;
}

describe('a crash at any moment', () => {
  it(`loses no acknowledged write and leaves a sound file, over ${KILLS} SIGKILLs during writes`, async () => {
    const dataDir = tempDir();
    const acked: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      // Each writer numbers from its own range, so a write committed but never acknowledged
      // (killed between commit and print) cannot collide with the next writer's names.
      const writer = startWriter('writes', dataDir, i * 1_000_000);
      await writer.line(/^ready$/);
      await sleep(randomMs(20, 170));
      await kill(writer, dataDir);
      acked.push(...ackedNumbers(writer));
      expectTeams(await expectSound(dataDir), acked);
    }
    expect(acked.length).toBeGreaterThan(KILLS); // the writer really wrote between kills
  }, 600_000);

  it(`imports all 2,000 rows or none, over ${OTHER_KILLS} SIGKILLs during imports`, async () => {
    const dataDir = tempDir();
    let killedMidImport = 0;
    for (let i = 0; i < OTHER_KILLS; i++) {
      const writer = startWriter('import', dataDir, i * 1000);
      await writer.line(/^importing /);
      await sleep(randomMs(0, 2500));
      await kill(writer, dataDir);
      await expectSound(dataDir);
      const started = writer.lines
        .filter((l) => l.startsWith('importing '))
        .map((l) => l.slice(10));
      const acked = writer.lines.filter((l) => l.startsWith('imported ')).map((l) => l.slice(9));
      const counts = readOnly(dataDir, (db) =>
        started.map((batch) =>
          Number(
            db
              .prepare('select count(*) from staff where employee_no like ?')
              .pluck()
              .get(`I${batch}-%`),
          ),
        ),
      );
      started.forEach((batch, k) => {
        if (acked.includes(batch)) expect(counts[k], `imported batch ${batch}`).toBe(2000);
        else expect([0, 2000], `batch ${batch} killed mid-import`).toContain(counts[k]);
      });
      if (started.length > acked.length) killedMidImport++;
    }
    console.log(`crash test: ${killedMidImport} of ${OTHER_KILLS} kills fell mid-import`);
    // The kills fell during imports, not between them.
    expect(killedMidImport).toBeGreaterThanOrEqual(OTHER_KILLS / 2);
  }, 600_000);

  it(`leaves only whole backups and a sound file, over ${OTHER_KILLS} SIGKILLs during backups`, async () => {
    const dataDir = tempDir();
    await (await withBallast(dataDir, 8)).close();
    const acked: number[] = [];
    let lastBackup = '';
    let killedMidBackup = 0;
    for (let i = 0; i < OTHER_KILLS; i++) {
      const writer = startWriter('backup', dataDir, i * 1_000_000);
      await writer.line(/^ready$/);
      await sleep(randomMs(0, 400));
      await kill(writer, dataDir);
      acked.push(...ackedNumbers(writer));
      lastBackup =
        writer.lines
          .filter((l) => l.startsWith('backup '))
          .pop()
          ?.slice(7) ?? lastBackup;
      expectTeams(await expectSound(dataDir), acked);
      // A kill before the first backup made its folder leaves none.
      const backupDir = join(dataDir, 'backups');
      const files = existsSync(backupDir) ? readdirSync(backupDir) : [];
      if (files.some((f) => f.endsWith('.partial'))) killedMidBackup++; // the killed copy's
      // A copy cut short never counts as a backup; every one listed is whole.
      const layer = await DataLayer.open(dataDir, { dailyBackup: false });
      const listed = layer.list();
      await layer.close();
      for (const backup of listed) {
        expect(backup.name.endsWith('.sqlite')).toBe(true);
        expect(await checkBackup(backup.file), backup.name).toMatchObject({ ok: true });
      }
      // The newest acknowledged backup is there, or a newer one that took its place that day.
      if (lastBackup) expect(listed[0]!.name >= lastBackup, lastBackup).toBe(true);
      for (const f of files.filter((f) => f.endsWith('.partial')))
        rmSync(join(dataDir, 'backups', f)); // litter of the killed copy, not a backup
    }
    console.log(`crash test: ${killedMidBackup} of ${OTHER_KILLS} kills fell mid-backup`);
    expect(killedMidBackup).toBeGreaterThan(0);
  }, 600_000);

  it(`migrates all or nothing, over ${OTHER_KILLS} SIGKILLs during a migration`, async () => {
    // A file at the latest version with records and ballast; each kill works on a fresh copy.
    const template = tempDir();
    const layer = await withBallast(template, 8);
    const backend = createBackend(
      layer,
      { version: 'fault', dataDir: template },
      { log: () => {} },
    );
    for (let n = 0; n < 20; n++)
      expect(
        await backend.callAs('org.teams.create', { name: `crash-${n}` }, LOCAL_OPERATOR),
      ).toMatchObject({ ok: true });
    await layer.close();
    const acked = Array.from({ length: 20 }, (_, n) => n);
    const copy = () => {
      const dir = tempDir();
      copyFileSync(join(template, DATABASE_FILE_NAME), join(dir, DATABASE_FILE_NAME));
      return dir;
    };
    const latest = migrations.length;
    const withSlow = { migrations: [...migrations, SLOW_MIGRATION] };

    // How long the migration takes here, to kill within it.
    const timing = startWriter('migrate', copy());
    await timing.line(/^in migration$/);
    const began = Date.now();
    await timing.line(/^migrated$/);
    const took = Date.now() - began;
    await timing.exited;

    const outcomes = { before: 0, after: 0 };
    for (let i = 0; i < OTHER_KILLS; i++) {
      const dataDir = copy();
      const writer = startWriter('migrate', dataDir);
      await writer.line(/^in migration$/);
      await sleep(randomMs(0, took));
      await kill(writer, dataDir);
      const state = readOnly(dataDir, (db) => ({
        version: db.pragma('user_version', { simple: true }) as number,
        noted: Number(
          db
            .prepare("select count(*) from pragma_table_info('teams') where name = 'crash_note'")
            .pluck()
            .get(),
        ),
        copied: Number(
          db.prepare("select count(*) from sqlite_master where name = 'crash_copy'").pluck().get(),
        ),
      }));
      // All or nothing: the old version untouched, or the new one complete.
      expect([latest, latest + 1]).toContain(state.version);
      const migrated = state.version === latest + 1;
      expect(state).toMatchObject({ noted: migrated ? 1 : 0, copied: migrated ? 1 : 0 });
      outcomes[migrated ? 'after' : 'before']++;
      // Opened again, the migration runs (or has run) to the end, and nothing is lost.
      expectTeams(await expectSound(dataDir, withSlow), acked);
      expect(
        readOnly(dataDir, (db) => ({
          version: db.pragma('user_version', { simple: true }),
          notes: db
            .prepare("select count(*) from teams where crash_note like 'migrated %'")
            .pluck()
            .get(),
        })),
      ).toEqual({ version: latest + 1, notes: 20 });
      rmSync(dataDir, { recursive: true, force: true });
    }
    console.log(
      `crash test: migration takes ${took} ms; killed before its commit ${outcomes.before}, after ${outcomes.after}`,
    );
    expect(outcomes.before, JSON.stringify({ took, ...outcomes })).toBeGreaterThan(0);
  }, 600_000);

  it('restores a backup taken while another process was writing', async () => {
    const dataDir = tempDir();
    const layer = await DataLayer.open(dataDir, { dailyBackup: false });
    const writer = startWriter('writes', dataDir);
    await writer.line(/^ready$/);
    await sleep(150);
    const before = ackedNumbers(writer).length;
    const backup = await layer.backup('manual');
    const after = ackedNumbers(writer).length;
    await sleep(100);
    await kill(writer, dataDir);
    await layer.close();
    const acked = ackedNumbers(writer);
    expect(acked.length).toBeGreaterThan(after); // writes went on during and after the backup

    // Restore it into a fresh folder, as the console would: checked, opened, and whole.
    const restoreDir = tempDir();
    copyFileSync(backup.file, join(restoreDir, DATABASE_FILE_NAME));
    const names = await expectSound(restoreDir);
    expectTeams(names, acked.slice(0, before));
    expect(names.size).toBeGreaterThanOrEqual(before);
    expect(names.size).toBeLessThanOrEqual(acked.length + 1);
  }, 60_000);
});
