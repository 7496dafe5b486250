import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups, rotateBackups } from '../../../db/backups';
import { tempStore, type TestStore } from '../../helpers/store';

let t: TestStore;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-mirror-'));
  dirs.push(dir);
  return dir;
};
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.close();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const reasons = async () => (await t.ok('backups.list', {})).map((b) => b.reason);

describe('backups that stay', () => {
  it('never lets a later backup of the same day rotate away a manual one', async () => {
    await t.ok('org.teams.create', { name: '一组' });
    const first = await t.ok('backups.create', {});
    await t.ok('org.teams.create', { name: '二组' });
    const second = await t.ok('backups.create', {});
    await t.data.backup('daily');
    const names = (await t.ok('backups.list', {})).map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining([first.name, second.name]));
    expect(await reasons()).toEqual(['daily', 'manual', 'manual']);
  });

  it('keeps every manual and pre-operation backup of the last days, and thins the daily ones', async () => {
    const dir = tempDir();
    const day = (d: number) => `202611${String(d).padStart(2, '0')}`;
    const files: string[] = [];
    for (let d = 10; d <= 22; d++) {
      for (const hour of ['080000', '200000']) files.push(`console-${day(d)}-${hour}-daily.sqlite`);
    }
    // The same day as the newest dailies: a close, a restore, a manual backup, an upgrade.
    for (const name of [
      `console-${day(22)}-090000-pre-close.sqlite`,
      `console-${day(22)}-093000-safety.sqlite`,
      `console-${day(22)}-100000-manual.sqlite`,
      `console-${day(22)}-110000-manual.sqlite`,
      `console-${day(22)}-120000-pre-migration.sqlite`,
      `console-${day(21)}-100000-manual.sqlite`,
    ])
      files.push(name);
    for (const name of files) writeFileSync(join(dir, name), 'x');
    await rotateBackups(dir);
    const kept = listBackups(dir).map((b) => b.name);
    for (const name of files.filter((n) => !n.endsWith('-daily.sqlite')))
      expect(kept, name).toContain(name);
    // Dailies: the newest of each of the last 7 days, and of each of 4 weeks.
    expect(kept).toContain(`console-${day(22)}-200000-daily.sqlite`);
    expect(kept).not.toContain(`console-${day(22)}-080000-daily.sqlite`);
    expect(kept).not.toContain(`console-${day(12)}-200000-daily.sqlite`);
  });

  it('takes a backup before a month is closed, outside the close, and names it in the audit entry', async () => {
    const closed = await t.ok('attendance.closeMonth', { month: '2026-10' }, 'hr');
    const backups = await t.ok('backups.list', {});
    expect(backups.map((b) => b.reason)).toEqual(['pre-close']);
    expect(closed.backup).toBe(backups[0]!.name);
    // The copy is of the month before it closed.
    const copy = new Database(join(t.dir, 'backups', backups[0]!.name), { readonly: true });
    expect(copy.prepare('select count(*) from attendance_months').pluck().get()).toBe(0);
    copy.close();
    const trail = await t.ok('audit.list', { page: 1, pageSize: 10 });
    expect(trail.rows[0]).toMatchObject({
      action: 'lock',
      entity: 'attendance_month',
      after: { month: '2026-10', backup: backups[0]!.name },
    });
    // A month already closed is refused before any backup is taken.
    expect(await t.call('attendance.closeMonth', { month: '2026-10' }, 'hr')).toMatchObject({
      ok: false,
      error: { key: 'errors.monthAlreadyClosed' },
    });
    expect(await t.ok('backups.list', {})).toHaveLength(1);
  });

  it('records the audit chain head of each backup in its manifest', async () => {
    await t.ok('org.teams.create', { name: '一组' });
    await t.ok('org.teams.create', { name: '二组' });
    const backup = await t.ok('backups.create', {});
    const manifest = JSON.parse(
      readFileSync(join(t.dir, 'backups', `${backup.name}.manifest.json`), 'utf8'),
    ) as { auditHead: { lastId: number; count: number; mac: string }; admins: number };
    const last = t.store.sqlite.prepare('select id, hash from audit_log where id = 2').get() as {
      id: number;
      hash: string;
    };
    expect(manifest.auditHead).toMatchObject({ lastId: 2, count: 2, mac: last.hash });
  });
});

describe('a second backup folder', () => {
  it('is validated: given, existing, a folder, writable and outside the data folder', async () => {
    const refused = async (dir: string, key: string) =>
      expect(await t.call('backups.setMirror', { dir })).toMatchObject({
        ok: false,
        error: { field: 'dir', key },
      });
    const before = t.digest();
    await refused('relative/path', 'errors.mirrorNotAbsolute');
    await refused(join(tempDir(), 'not-there'), 'errors.mirrorMissing');
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    await refused(file, 'errors.mirrorNotFolder');
    const inside = join(t.dir, 'backups-too');
    mkdirSync(inside);
    await refused(inside, 'errors.mirrorInsideData');
    await refused(t.dir, 'errors.mirrorInsideData');
    // /proc exists and is a folder, but nobody — not even root — can create a file in it.
    if (existsSync('/proc/self')) await refused('/proc', 'errors.mirrorNotWritable');
    expect(t.digest()).toBe(before);
    expect(await t.ok('backups.settings', {})).toMatchObject({ mirrorDir: null });
  });

  it('gets a checked copy of every backup, with the result shown for each', async () => {
    const mirror = tempDir();
    expect(await t.ok('backups.setMirror', { dir: mirror })).toMatchObject({
      mirrorDir: mirror,
      reachable: true,
    });
    await t.ok('org.teams.create', { name: '一组' });
    const backup = await t.ok('backups.create', {});
    expect(backup.mirror).toEqual({ ok: true, problem: null });
    expect(readFileSync(join(mirror, backup.name))).toEqual(
      readFileSync(join(t.dir, 'backups', backup.name)),
    );
    expect(existsSync(join(mirror, `${backup.name}.manifest.json`))).toBe(true);
    expect((await t.ok('backups.list', {}))[0]!.mirror).toEqual({ ok: true, problem: null });

    // The USB drive is unplugged: the backup is still taken, and the page says the copy failed.
    rmSync(mirror, { recursive: true, force: true });
    const unplugged = await t.ok('backups.create', {});
    expect(unplugged.mirror).toMatchObject({ ok: false, problem: expect.stringMatching(/./) });
    expect(existsSync(join(t.dir, 'backups', unplugged.name))).toBe(true);
    expect(await t.ok('backups.settings', {})).toMatchObject({ reachable: false });

    const trail = await t.ok('audit.list', { entity: 'settings', page: 1, pageSize: 10 });
    expect(trail.rows[0]).toMatchObject({ action: 'update', after: { mirrorDir: mirror } });
  });
});
