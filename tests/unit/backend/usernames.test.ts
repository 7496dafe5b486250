import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations';
import { DataLayer } from '../../../db/data-layer';
import { DATABASE_FILE_NAME, openStore } from '../../../db/store';
import { createBackend } from '../../../electron/backend';
import { hashPassword } from '../../../electron/backend/modules/accounts/passwords';
import { FAST_SCRYPT, tempStore, type TestStore } from '../../helpers/store';

let t: TestStore | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const account = (username: string) => ({
  username,
  displayName: '张主管',
  role: 'supervisor' as const,
  password: 'correct horse 9',
});

describe('usernames are unique regardless of case', () => {
  it('refuses "Zhang" beside "zhang", naming the field, writing nothing', async () => {
    t = await tempStore();
    await t.ok('accounts.users.create', account('zhang'));
    const before = t.digest();
    for (const name of ['Zhang', 'ZHANG'])
      expect(await t.call('accounts.users.create', account(name))).toMatchObject({
        ok: false,
        error: { field: 'username', key: 'errors.usernameTaken', params: { username: 'zhang' } },
      });
    expect(t.digest()).toBe(before);
    // The database itself refuses it too.
    expect(() =>
      t!.store.sqlite
        .prepare(
          `insert into users (username, display_name, role, password_hash, created_at, updated_at)
           values ('ZHang', 'x', 'hr', 'x', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('an existing clash is reported after the upgrade, and each account signs in as itself', async () => {
    // A console from before: "zhang" and "Zhang" both exist (schema version 7).
    const dir = mkdtempSync(join(tmpdir(), 'console-clash-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const old = await openStore(join(dir, DATABASE_FILE_NAME), {
      migrations: migrations.slice(0, 7),
    });
    const insert = old.sqlite.prepare(
      `insert into users (username, display_name, role, password_hash, created_at, updated_at)
       values (?, ?, ?, ?, 'then', 'then')`,
    );
    insert.run('admin', '管理员', 'admin', await hashPassword('admin password 1', FAST_SCRYPT));
    insert.run('zhang', '张一', 'supervisor', await hashPassword('first password 1', FAST_SCRYPT));
    insert.run('Zhang', '张二', 'supervisor', await hashPassword('second password 2', FAST_SCRYPT));
    old.close();

    const data = await DataLayer.open(dir, { dailyBackup: false });
    cleanups.push(() => data.close());
    const backend = createBackend(
      data,
      { version: 'test', dataDir: dir },
      { passwordCost: FAST_SCRYPT, log: () => {} },
    );
    const admin = await backend.call(
      'accounts.signIn',
      { username: 'admin', password: 'admin password 1' },
      null,
    );
    const token = admin.ok ? (admin.value as { token: string }).token : '';
    expect(await backend.call('accounts.users.clashes', {}, token)).toEqual({
      ok: true,
      value: [['zhang', 'Zhang']],
    });
    expect(
      data.store.sqlite
        .prepare("select value from settings where key = 'accounts.usernameClashes'")
        .pluck()
        .get(),
    ).toBe(JSON.stringify(['zhang / Zhang']));

    // "Zhang" signs in as Zhang; failures typed as "Zhang" never lock "zhang".
    const zhang2 = await backend.call(
      'accounts.signIn',
      { username: 'Zhang', password: 'second password 2' },
      null,
    );
    expect(zhang2).toMatchObject({ ok: true, value: { user: { displayName: '张二' } } });
    for (let i = 0; i < 5; i++)
      await backend.call('accounts.signIn', { username: 'Zhang', password: 'wrong wrong' }, null);
    const zhang1 = await backend.call(
      'accounts.signIn',
      { username: 'zhang', password: 'first password 1' },
      null,
    );
    expect(zhang1).toMatchObject({ ok: true, value: { user: { displayName: '张一' } } });
  });
});

describe('the idle sign-out', () => {
  it('refuses less than 5 minutes with a message naming the field, never a quiet change', async () => {
    t = await tempStore();
    const before = t.digest();
    for (const idleMinutes of [0, 1, 4, 481])
      expect(await t.call('accounts.updateSecurity', { idleMinutes })).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          field: 'idleMinutes',
          issues: [{ key: 'validation.idleMinutes' }],
        },
      });
    expect(t.digest()).toBe(before);
    expect(await t.ok('accounts.updateSecurity', { idleMinutes: 5 })).toEqual({ idleMinutes: 5 });
  });
});
