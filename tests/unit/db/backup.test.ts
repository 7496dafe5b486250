import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBackup, listBackups, rotateBackups } from '../../../db/backups';
import { DATABASE_FILE_NAME } from '../../../db/store';
import { DataLayer, DatabaseDamagedError } from '../../../db/data-layer';
import { migrations } from '../../../db/migrations';
import { startBackend } from '../../../electron/backend/core/startup';
import { hashPassword } from '../../../electron/backend/modules/accounts/passwords';
import { FAST_SCRYPT } from '../../helpers/store';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-backup-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const teamCount = (layer: DataLayer) =>
  layer.store.sqlite.prepare('select count(*) from teams').pluck().get();
/** An account written straight into the file, as the accounts module stores it. */
async function addUser(layer: DataLayer, username: string, role: string, password: string) {
  layer.store.sqlite
    .prepare(
      "insert into users (username, display_name, role, password_hash, created_at, updated_at) values (?, ?, ?, ?, 'x', 'x')",
    )
    .run(username, username, role, await hashPassword(password, FAST_SCRYPT));
}
const addTeam = (layer: DataLayer, name: string) =>
  layer.store.sqlite
    .prepare("insert into teams (name, created_at, updated_at) values (?, 'x', 'x')")
    .run(name);

describe('backups', () => {
  it('takes no backup of a console without accounts, and a daily one once a day after', async () => {
    const dir = tempDir();
    const first = await DataLayer.open(dir);
    // A first-launch backup would be a way in: restored, it asks whoever is at the desk for an admin.
    expect(first.list()).toEqual([]);
    await addUser(first, 'admin', 'admin', 'correct horse battery');
    await first.close();
    const second = await DataLayer.open(dir);
    expect(second.list().map((b) => b.reason)).toEqual(['daily']);
    await second.close();
    const third = await DataLayer.open(dir);
    expect(third.list()).toHaveLength(1);
    await third.close();
  });

  it('restores a backup after checking it, keeping the current database as a safety copy', async () => {
    const layer = await DataLayer.open(tempDir(), { dailyBackup: false });
    await addUser(layer, 'admin', 'admin', 'correct horse battery');
    addTeam(layer, '客服一组');
    const backup = await layer.backup('manual');
    addTeam(layer, '客服二组');
    expect(teamCount(layer)).toBe(2);

    const { safetyCopy } = await layer.restore(backup.name);
    expect(teamCount(layer)).toBe(1);
    expect(safetyCopy.reason).toBe('safety');
    expect(await checkBackup(safetyCopy.file)).toMatchObject({ ok: true });
    // The safety copy holds what was there before the restore.
    const safety = new Database(safetyCopy.file, { readonly: true });
    expect(safety.prepare('select count(*) from teams').pluck().get()).toBe(2);
    safety.close();
    await layer.close();
  });

  it('refuses a damaged backup or one from a newer console, and changes nothing', async () => {
    const layer = await DataLayer.open(tempDir(), { dailyBackup: false });
    await addUser(layer, 'admin', 'admin', 'correct horse battery');
    addTeam(layer, '客服一组');
    const good = await layer.backup('manual');
    const newer = new Database(good.file);
    newer.pragma(`user_version = ${migrations.length + 1}`);
    newer.close();
    await expect(layer.restore(good.name)).rejects.toThrow(/newer than this console/);
    const broken = await layer.backup('manual');
    writeFileSync(broken.file, Buffer.alloc(8192, 7));
    await expect(layer.restore(broken.name)).rejects.toThrow(/cannot be restored/);
    await expect(layer.restore('console-20000101-000000-manual.sqlite')).rejects.toThrow(
      /no backup named/,
    );
    expect(teamCount(layer)).toBe(1);
    expect(layer.list().filter((b) => b.reason === 'safety')).toHaveLength(0);
    await layer.close();
  });

  it('keeps the newest of each of the last 7 days and 4 weeks', async () => {
    const dir = tempDir();
    const names: string[] = [];
    // Two backups a day for 60 days, ending 2026-11-22.
    for (let day = 0; day < 60; day++) {
      for (const hour of ['080000', '200000']) {
        const d = new Date(2026, 10, 22 - day);
        const stamp = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
        const name = `console-${stamp}-${hour}-daily.sqlite`;
        writeFileSync(join(dir, name), 'x');
        names.push(name);
      }
    }
    writeFileSync(join(dir, 'console-20260101-000000-pre-migration.sqlite'), 'x');
    await rotateBackups(dir);
    const kept = listBackups(dir).map((b) => b.name);
    // The last 7 days' evening backups, plus the newest of 4 ISO weeks (the newest week's is already among them).
    expect(kept.filter((n) => n.endsWith('-daily.sqlite'))).toHaveLength(10);
    expect(kept).toContain('console-20261122-200000-daily.sqlite');
    expect(kept).not.toContain('console-20261122-080000-daily.sqlite');
    expect(kept).toContain('console-20261116-200000-daily.sqlite');
    expect(kept).toContain('console-20260101-000000-pre-migration.sqlite');
    expect(readdirSync(dir)).toHaveLength(kept.length);
  });

  it('backs the file up before migrating it to a newer schema', async () => {
    const dir = tempDir();
    const old = new Database(join(dir, DATABASE_FILE_NAME));
    old.pragma('user_version = 1');
    // A version-1 database: only the first migration's tables.
    old.exec(
      "create table teams (id integer primary key autoincrement, name text not null unique, description text, lead_staff_id integer, created_at text not null, updated_at text not null); insert into teams (name, created_at, updated_at) values ('老数据', 'x', 'x')",
    );
    old.close();
    const layer = await DataLayer.open(dir, { dailyBackup: false });
    expect(layer.store.schemaVersion).toBe(migrations.length);
    await layer.close();
    const backups = listBackups(join(dir, 'backups'));
    expect(backups.map((b) => b.reason)).toEqual(['pre-migration']);
    const copy = new Database(backups[0]!.file, { readonly: true });
    expect(copy.prepare('select name from teams').pluck().get()).toBe('老数据');
    copy.close();
  });
});

describe('a damaged database', () => {
  const scribble = (dir: string) =>
    // Scribble over the middle of the file, as a failing disk would.
    writeFileSync(
      join(dir, DATABASE_FILE_NAME),
      Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096 * 3, 0xab)]),
    );

  /** A console with a backup taken before any account, and one with an admin and a supervisor. */
  async function damagedConsole() {
    const dir = tempDir();
    const layer = await DataLayer.open(dir);
    addTeam(layer, '客服一组');
    const noAccounts = await layer.backup('manual');
    await addUser(layer, 'admin', 'admin', 'correct horse battery');
    await addUser(layer, 'lead', 'supervisor', 'lead password 1');
    const good = await layer.backup('manual');
    await layer.close();
    scribble(dir);
    const slot = await startBackend(
      { version: 'test', dataDir: dir },
      { passwordCost: FAST_SCRYPT },
    );
    return { dir, slot, noAccounts, good };
  }

  it('is detected on open, and the console starts in recovery mode offering good backups', async () => {
    const { dir, slot, noAccounts, good } = await damagedConsole();
    await expect(DataLayer.open(dir)).rejects.toBeInstanceOf(DatabaseDamagedError);
    expect(slot.data).toBeNull();
    expect(await slot.backend.call('accounts.status', {}, null)).toMatchObject({
      ok: false,
      error: { code: 'database_damaged' },
    });
    const status = await slot.backend.call('backups.recovery.status', {}, null);
    expect(status).toMatchObject({ ok: true, value: { damaged: true } });
    // The backup without accounts is never offered.
    const backups = (status as { value: { backups: { name: string }[] } }).value.backups;
    expect(backups.map((b) => b.name)).toEqual([good.name]);
    expect(backups.map((b) => b.name)).not.toContain(noAccounts.name);
    await slot.close();
  });

  it("restores only with an administrator's password from the chosen backup, and audits it", async () => {
    const { dir, slot, noAccounts, good } = await damagedConsole();
    const restore = (input: Record<string, unknown>) =>
      slot.backend.call('backups.recovery.restore', input, null);
    expect(
      await restore({ name: '../../etc/passwd', username: 'admin', password: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await restore({ name: good.name })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const refused = {
      ok: false,
      error: { code: 'unauthorized', key: 'errors.recoveryCredentials' },
    };
    expect(await restore({ name: good.name, username: 'admin', password: 'wrong' })).toMatchObject(
      refused,
    );
    // A supervisor's right password, or a name the backup does not know, gets the same answer.
    expect(
      await restore({ name: good.name, username: 'lead', password: 'lead password 1' }),
    ).toMatchObject(refused);
    expect(await restore({ name: good.name, username: 'nobody', password: 'x' })).toMatchObject(
      refused,
    );
    expect(
      await restore({
        name: noAccounts.name,
        username: 'admin',
        password: 'correct horse battery',
      }),
    ).toMatchObject({ ok: false, error: { key: 'errors.backupWithoutAdmin' } });
    expect(slot.data).toBeNull();

    expect(
      await restore({ name: good.name, username: 'ADMIN', password: 'correct horse battery' }),
    ).toEqual({ ok: true, value: {} });
    // The console is itself again, with the data and the accounts of the backup: no one is asked
    // to set up an administrator.
    expect(slot.data).not.toBeNull();
    expect(await slot.backend.call('accounts.status', {}, null)).toMatchObject({
      ok: true,
      value: { needsSetup: false },
    });
    expect(teamCount(slot.data!)).toBe(1);
    expect(readdirSync(dir).some((n) => n.includes('.damaged-'))).toBe(true);
    const last = slot
      .data!.store.sqlite.prepare(
        'select action, entity, entity_id, username, after from audit_log order by id desc',
      )
      .get() as { action: string; entity_id: string; username: string; after: string };
    expect(last).toMatchObject({ action: 'restore', entity_id: good.name, username: 'admin' });
    expect(JSON.parse(last.after)).toMatchObject({ restored: good.name, recovery: true });
    expect(await slot.data!.verifyAudit()).toMatchObject({ ok: true });
    await slot.close();
  });

  it('stops answering after five wrong passwords', async () => {
    const { slot, good } = await damagedConsole();
    for (let i = 0; i < 5; i++)
      await slot.backend.call(
        'backups.recovery.restore',
        { name: good.name, username: 'admin', password: `wrong ${i}` },
        null,
      );
    expect(
      await slot.backend.call(
        'backups.recovery.restore',
        { name: good.name, username: 'admin', password: 'correct horse battery' },
        null,
      ),
    ).toMatchObject({ ok: false, error: { key: 'errors.recoveryLocked' } });
    expect(slot.data).toBeNull();
    await slot.close();
  });
});
