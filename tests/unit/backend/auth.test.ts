import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hashPassword,
  OWASP_SCRYPT,
  verifyPassword,
} from '../../../electron/backend/modules/accounts/passwords';
import { SessionStore } from '../../../electron/backend/core/sessions';
import type { Output } from '../../../shared/contract';
import { tempStore, type TestStore } from '../../helpers/store';

let t: TestStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(() => t.close());

const ADMIN = { username: 'admin', displayName: '张主任', password: 'correct horse battery' };
const anon = <C extends Parameters<TestStore['backend']['call']>[0]>(
  channel: C,
  input: unknown,
  token: string | null = null,
) => t.backend.call(channel, input, token);

async function setup() {
  const result = await anon('accounts.setup', ADMIN);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as Output<'accounts.setup'>;
}

describe('passwords', () => {
  it('are hashed with scrypt at OWASP cost, salted, and verified in constant time', async () => {
    const hash = await hashPassword('正确的密码 horse', OWASP_SCRYPT);
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(await hashPassword('正确的密码 horse', OWASP_SCRYPT)).not.toBe(hash); // a fresh salt each time
    expect(await verifyPassword('正确的密码 horse', hash)).toBe(true);
    expect(await verifyPassword('正确的密码 horsE', hash)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});

describe('accounts', () => {
  it('asks for the first administrator once, then never again', async () => {
    expect(await anon('accounts.status', {})).toMatchObject({
      ok: true,
      value: { needsSetup: true, user: null, idleMinutes: 15 },
    });
    const { token, user } = await setup();
    expect(user).toMatchObject({ username: 'admin', role: 'admin', active: true });
    expect(await anon('accounts.status', {}, token)).toMatchObject({
      value: { needsSetup: false, user: { username: 'admin' } },
    });
    expect(await anon('accounts.setup', { ...ADMIN, username: 'intruder' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'errors.setupDone' },
    });
  });

  it('signs in, signs out, and a signed-out token opens nothing', async () => {
    await setup();
    const wrong = await anon('accounts.signIn', { username: 'admin', password: 'nope' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', key: 'errors.badCredentials', field: 'password' },
    });
    const unknown = await anon('accounts.signIn', { username: 'ghost', password: 'nope' });
    expect(unknown).toMatchObject({ ok: false, error: { key: 'errors.badCredentials' } }); // no hint that the name is unknown
    const ok = await anon('accounts.signIn', { username: 'ADMIN', password: ADMIN.password });
    expect(ok.ok).toBe(true);
    const token = (ok as { value: { token: string } }).value.token;
    expect((await anon('org.teams.list', {}, token)).ok).toBe(true);
    await anon('accounts.signOut', {}, token);
    expect(await anon('org.teams.list', {}, token)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', key: 'errors.sessionExpired' },
    });
  });

  it('slows repeated failures down, then locks the account until an admin unlocks it', async () => {
    const { token: adminToken } = await setup();
    const created = await anon(
      'accounts.users.create',
      {
        username: 'wangfang',
        displayName: '王芳',
        role: 'supervisor',
        password: 'supervisor pass',
      },
      adminToken,
    );
    const id = (created as { value: { id: number } }).value.id;
    const attempt = (password: string) =>
      anon('accounts.signIn', { username: 'wangfang', password });
    expect(await attempt('x1')).toMatchObject({ error: { key: 'errors.badCredentials' } });
    expect(await attempt('x2')).toMatchObject({ error: { key: 'errors.badCredentials' } });
    expect(await attempt('x3')).toMatchObject({ error: { key: 'errors.badCredentials' } });
    // From the third failure on, the account waits before it takes another try, even the right one.
    expect(await attempt('supervisor pass')).toMatchObject({
      error: { key: 'errors.accountLocked' },
    });
    const locked = (await t.ok('accounts.users.list', {})).find((u) => u.id === id)!;
    expect(locked.lockedUntil).not.toBeNull();

    // Past the waits, two more failures lock it for 15 minutes.
    t.store.sqlite.prepare('update users set locked_until = null where id = ?').run(id);
    await attempt('x4');
    t.store.sqlite.prepare('update users set locked_until = null where id = ?').run(id);
    expect(await attempt('x5')).toMatchObject({
      error: { key: 'errors.accountLocked', params: { minutes: 15 } },
    });
    expect(await attempt('supervisor pass')).toMatchObject({
      error: { key: 'errors.accountLocked' },
    });

    await anon('accounts.users.unlock', { id }, adminToken);
    expect((await attempt('supervisor pass')).ok).toBe(true);
    const log = (await t.ok('audit.list', { page: 1, pageSize: 100 })).rows.map((r) => r.action);
    expect(log.filter((a) => a === 'sign_in_failed').length).toBeGreaterThanOrEqual(7);
    expect(log).toContain('lock');
    expect(log).toContain('unlock');
  });

  it('keeps passwords and tokens out of the audit trail', async () => {
    const { token } = await setup();
    await anon(
      'accounts.users.create',
      { username: 'lina', displayName: '李娜', role: 'hr', password: 'secret hr pass' },
      token,
    );
    await anon('accounts.users.resetPassword', { id: 2, password: 'another secret' }, token);
    await anon(
      'accounts.changePassword',
      { currentPassword: ADMIN.password, newPassword: 'brand new secret' },
      token,
    );
    await anon('accounts.signIn', { username: 'lina', password: 'wrong secret guess' });
    const dump = JSON.stringify(t.store.sqlite.prepare('select * from audit_log').all());
    for (const secret of [
      ADMIN.password,
      'secret hr pass',
      'another secret',
      'brand new secret',
      'wrong secret guess',
      token,
      'scrypt$',
    ]) {
      expect(dump).not.toContain(secret);
    }
    expect(dump).toContain('password_reset');
  });

  it('changing a role or disabling an account ends that user’s sessions at once', async () => {
    const { token: adminToken } = await setup();
    await anon(
      'accounts.users.create',
      {
        username: 'wangfang',
        displayName: '王芳',
        role: 'supervisor',
        password: 'supervisor pass',
      },
      adminToken,
    );
    const signedIn = await anon('accounts.signIn', {
      username: 'wangfang',
      password: 'supervisor pass',
    });
    const token = (signedIn as { value: { token: string } }).value.token;
    await anon(
      'accounts.users.update',
      { id: 2, displayName: '王芳', role: 'manager', active: true },
      adminToken,
    );
    expect(await anon('org.teams.list', {}, token)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    // And the last administrator cannot demote or disable themself.
    expect(
      await anon(
        'accounts.users.update',
        { id: 1, displayName: '张主任', role: 'hr', active: true },
        adminToken,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'errors.lastAdmin' },
    });
  });

  it('a supervisor cannot reach admin or HR functions', async () => {
    const { token: adminToken } = await setup();
    await anon(
      'accounts.users.create',
      {
        username: 'wangfang',
        displayName: '王芳',
        role: 'supervisor',
        password: 'supervisor pass',
      },
      adminToken,
    );
    const token = (
      (await anon('accounts.signIn', { username: 'wangfang', password: 'supervisor pass' })) as {
        value: { token: string };
      }
    ).value.token;
    const before = t.digest();
    for (const [channel, input] of [
      [
        'accounts.users.create',
        { username: 'evil', displayName: 'x', role: 'admin', password: 'evil password' },
      ],
      ['accounts.users.list', {}],
      ['org.staff.create', { employeeNo: 'KF1', name: '王', position: 'agent' }],
      ['audit.list', { page: 1 }],
      ['accounts.updateSecurity', { idleMinutes: 480 }],
      [
        'org.shiftTypes.create',
        {
          code: 'X',
          name: 'x',
          startTime: '08:00',
          endTime: '09:00',
          breakMinutes: 0,
          lateGraceMinutes: 0,
          earlyLeaveGraceMinutes: 0,
          color: '#000000',
        },
      ],
    ] as const) {
      expect(await anon(channel, input, token), channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(t.digest()).toBe(before);
    expect((await anon('org.shiftTypes.list', {}, token)).ok).toBe(true);
  });
});

describe('idle sessions', () => {
  it('end after the configured minutes without a call, and live while used', () => {
    let now = 0;
    const sessions = new SessionStore(15, () => now);
    const token = sessions.create({
      userId: 1,
      username: 'a',
      displayName: 'A',
      role: 'supervisor',
    });
    now += 14 * 60_000;
    expect(sessions.resolve(token)).not.toBeNull();
    now += 14 * 60_000; // used 14 minutes ago: still alive
    expect(sessions.resolve(token)).not.toBeNull();
    now += 15 * 60_000 + 1;
    expect(sessions.resolve(token)).toBeNull();
    expect(sessions.resolve(token)).toBeNull();
  });
});
