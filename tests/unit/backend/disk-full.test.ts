import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataLayer } from '../../../db/data-layer';
import { verifyAuditChain } from '../../../db/queries/audit/trail';
import { createBackend, type Backend } from '../../../electron/backend';
import { mergedCatalog } from '../../../renderer/src/i18n/catalogs';
import { fillTheDisk } from '../../helpers/disk-full';
import { seedOneTeam } from '../../helpers/fixtures';
import { FAST_SCRYPT, sessionOf, tempStore, type TestStore } from '../../helpers/store';

/**
 * A full disk, made with SQLite's own limit (no mounts: see tests/helpers/disk-full.ts), so
 * every audited action needs a page it cannot have, exactly as on a disk with no room left.
 * A backup's copy goes to /dev/full, the kernel's always-full device. Every write, export,
 * sign-in and backup must answer "disk full" (translated), write nothing, log the real cause,
 * and leave a file that is whole and works again once there is room.
 */
let t: TestStore;
let backend: Backend;
let logged: { message: string; error: unknown }[];

beforeEach(async () => {
  t = await tempStore();
  logged = [];
  backend = createBackend(
    t.data,
    { version: 'test', dataDir: t.dir },
    { passwordCost: FAST_SCRYPT, log: (message, error) => logged.push({ message, error }) },
  );
  await seedOneTeam(t);
  await t.ok('accounts.users.create', {
    username: 'hr01',
    displayName: '人事小李',
    role: 'hr',
    password: 'correct horse',
  });
});
afterEach(() => {
  vi.useRealTimers();
  return t.close();
});

const DISK_FULL = { ok: false, error: { code: 'disk_full', key: 'errors.disk_full' } };

function expectSound() {
  expect(t.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  return expect(verifyAuditChain(t.store.db)).resolves.toMatchObject({ ok: true });
}

describe('a full disk', () => {
  it('has the words users need, in both languages', () => {
    expect(mergedCatalog('zh-CN').errors).toMatchObject({
      disk_full: expect.stringContaining('磁盘空间不足，本次操作未保存'),
    });
    expect(mergedCatalog('en-US').errors).toMatchObject({
      disk_full: expect.stringMatching(/disk is full.*not saved/i),
    });
  });

  it('refuses every write, export and sign-in as "disk full", writes nothing, and logs the cause', async () => {
    const disk = await fillTheDisk(t);
    const before = t.digest();
    const attempts = {
      write: () => backend.callAs('org.teams.create', { name: '客服二组' }, sessionOf('admin')),
      edit: () =>
        backend.callAs(
          'org.staff.update',
          { id: 1, employeeNo: 'KF1', name: '王芳芳', position: 'agent', status: 'active' },
          sessionOf('admin'),
        ),
      export: () =>
        backend.callAs(
          'attendance.export',
          { month: '2026-11', kind: 'summary', format: 'xlsx', language: 'zh-CN' },
          sessionOf('hr'),
        ),
      auditExport: () => backend.callAs('audit.export', { language: 'zh-CN' }, sessionOf('admin')),
      signIn: () =>
        backend.call('accounts.signIn', { username: 'hr01', password: 'correct horse' }, null),
      wrongPassword: () =>
        backend.call('accounts.signIn', { username: 'hr01', password: 'wrong horse' }, null),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      expect(await attempt(), name).toMatchObject(DISK_FULL);
      expect(t.digest(), `${name} wrote something`).toBe(before);
    }
    // The cause is logged every time, not the "cannot rollback" that used to hide it.
    expect(logged).toHaveLength(Object.keys(attempts).length);
    for (const entry of logged) {
      expect(entry.message).toMatch(/disk_full/);
      expect(String(entry.error)).toMatch(/database or disk is full/);
    }
    await expectSound();

    // Room again: the same file works.
    disk.makeRoom();
    expect(await attempts.write()).toMatchObject({ ok: true });
    expect(await attempts.signIn()).toMatchObject({ ok: true });
    await expectSound();
  });

  it('refuses a backup whose copy finds no room, leaves no half copy, and keeps the file sound', async () => {
    const now = new Date('2026-11-22T08:30:00');
    vi.useFakeTimers({ toFake: ['Date'], now });
    const backups = join(t.dir, 'backups');
    mkdirSync(backups, { recursive: true });
    // The copy this backup is about to write lands on a device with no space left.
    const partial = `console-${format(now, 'yyyyMMdd-HHmmssSSS')}-manual.sqlite.partial`;
    symlinkSync('/dev/full', join(backups, partial));
    const before = t.digest();

    expect(await backend.callAs('backups.create', {}, sessionOf('admin'))).toMatchObject(DISK_FULL);
    expect(readdirSync(backups)).toEqual([]); // the cut-short copy is gone, its space given back
    expect(t.data.list()).toEqual([]);
    expect(t.digest()).toBe(before);
    expect(String(logged[0]?.error)).toMatch(/database or disk is full/);
    await expectSound();

    vi.setSystemTime(new Date('2026-11-22T08:31:00'));
    expect(await backend.callAs('backups.create', {}, sessionOf('admin'))).toMatchObject({
      ok: true,
    });
  });

  it('still opens the console when the daily backup finds no room', async () => {
    const now = new Date('2026-11-23T07:00:00');
    vi.useFakeTimers({ toFake: ['Date'], now });
    await t.data.close();
    const backups = join(t.dir, 'backups');
    mkdirSync(backups, { recursive: true });
    symlinkSync(
      '/dev/full',
      join(backups, `console-${format(now, 'yyyyMMdd-HHmmssSSS')}-daily.sqlite.partial`),
    );
    const told: unknown[] = [];
    const layer = await DataLayer.open(t.dir, { log: (_m, e) => told.push(e) });
    expect(String(told[0])).toMatch(/database or disk is full/);
    expect(layer.list()).toEqual([]);
    await layer.close();
    // tempStore's own layer is closed: reopen one for its close() to close.
    t.data.store = (await DataLayer.open(t.dir, { dailyBackup: false })).store;
  });
});
