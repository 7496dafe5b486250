import * as crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnknownNameAttempts } from '../../../electron/backend/modules/accounts/attempts';
import type { Output, Result } from '../../../shared/contract';
import { mergedCatalog } from '../../../renderer/src/i18n/catalogs';
import { tempStore, type TestStore } from '../../helpers/store';

// Every scrypt the backend runs is counted: a sign-in must cost one, whatever the name.
const scrypts = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof crypto>();
  return {
    ...original,
    scrypt: (...args: Parameters<typeof original.scrypt>) => {
      scrypts.count++;
      return (original.scrypt as (...a: unknown[]) => void)(...args);
    },
  };
});

let t: TestStore;
afterEach(async () => {
  vi.useRealTimers();
  await t.close();
});

const ADMIN = { username: 'admin', displayName: '张主任', password: 'correct horse battery' };
const SUPERVISOR = {
  username: 'wangfang',
  displayName: '王芳',
  role: 'supervisor' as const,
  password: 'supervisor pass',
};

const signIn = (username: string, password: string) =>
  t.backend.call('accounts.signIn', { username, password }, null) as Promise<
    Result<Output<'accounts.signIn'>>
  >;

async function setup(options: { realPasswordCost?: boolean } = {}) {
  t = await tempStore(options);
  const admin = await t.backend.call('accounts.setup', ADMIN, null);
  if (!admin.ok) throw new Error(JSON.stringify(admin.error));
  const token = (admin.value as Output<'accounts.setup'>).token;
  const created = await t.backend.call('accounts.users.create', SUPERVISOR, token);
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  return { adminToken: token, supervisorId: (created.value as { id: number }).id };
}

const minutes = (n: number) => n * 60_000;

describe('signing in does not tell whether a username exists', () => {
  it('answers an unknown name exactly as a real one, through the slow-down and the lock', async () => {
    await setup();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-16T08:00:00Z'));
    /** Wrong passwords at these seconds after the start: the answers, in order. */
    const tries = async (username: string) => {
      const start = Date.now();
      const answers = [];
      for (const at of [0, 1, 2, 3, 9, 25, 26, 60 * 20]) {
        vi.setSystemTime(start + at * 1000);
        const result = await signIn(username, `guess ${at}`);
        answers.push(result.ok ? 'signed in' : result.error);
      }
      return answers;
    };
    const real = await tries(SUPERVISOR.username);
    vi.setSystemTime(new Date('2026-11-16T08:00:00Z'));
    const unknown = await tries('wangfangg');
    expect(unknown).toEqual(real);
    // What the sequence is: three failures, a wait, two more, locked for 15 minutes.
    expect(real.map((a) => (typeof a === 'string' ? a : [a.key, a.params?.seconds]))).toEqual([
      ['errors.badCredentials', undefined],
      ['errors.badCredentials', undefined],
      ['errors.badCredentials', undefined],
      ['errors.accountLocked', 4], // the third failure makes it wait 5 s: 4 s left
      ['errors.badCredentials', undefined],
      ['errors.accountLocked', 900], // the fifth failure locks for 15 minutes
      ['errors.accountLocked', 899],
      ['errors.accountLocked', 900], // past the lock, the next failure locks again
    ]);
    expect(new Set(real.map((a) => typeof a !== 'string' && a.message))).toEqual(
      new Set(['sign-in refused']),
    );
  });

  it('spends one scrypt on every attempt, whatever the name and the account’s state', async () => {
    const { adminToken, supervisorId } = await setup();
    await signIn('warm-up', 'the dummy hash is made once'); // the first unknown name makes it
    const cost = async (username: string, password: string) => {
      scrypts.count = 0;
      await signIn(username, password);
      return scrypts.count;
    };
    expect(await cost('nobody', 'wrong password')).toBe(1);
    expect(await cost(SUPERVISOR.username, 'wrong password')).toBe(1);
    t.store.sqlite
      .prepare('update users set failed_attempts = 5, locked_until = ? where id = ?')
      .run(new Date(Date.now() + minutes(15)).toISOString(), supervisorId);
    expect(await cost(SUPERVISOR.username, 'wrong password')).toBe(1); // locked: still one
    expect(await cost(SUPERVISOR.username, SUPERVISOR.password)).toBe(1);
    await t.backend.call('accounts.users.unlock', { id: supervisorId }, adminToken);
    expect(await cost(SUPERVISOR.username, SUPERVISOR.password)).toBe(1);
  });

  it('keeps the bookkeeping of unknown names bounded', () => {
    const attempts = new UnknownNameAttempts(100);
    for (let i = 0; i < 1000; i++)
      attempts.set(`name${i}`, { failedAttempts: 5, lockedUntil: '2026-11-16T08:15:00.000Z' });
    expect(attempts.size).toBe(100);
    expect(attempts.get('NAME999')).toEqual({
      failedAttempts: 5,
      lockedUntil: '2026-11-16T08:15:00.000Z',
    });
    expect(attempts.get('name0')).toEqual({ failedAttempts: 0, lockedUntil: null });
    // The default holds thousands of names, not without end.
    expect(new UnknownNameAttempts().capacity).toBeLessThanOrEqual(100_000);
  });
});

describe('password hashing happens before the transaction', () => {
  it('20 parallel sign-ins do not hold up another desk’s call', async () => {
    await setup({ realPasswordCost: true });
    let pending = 20;
    const signIns = Array.from({ length: 20 }, () =>
      signIn(SUPERVISOR.username, SUPERVISOR.password).then((result) => {
        pending--;
        return result;
      }),
    );
    const list = await t.call('org.teams.list', {});
    const stillSigningIn = pending;
    expect(list.ok).toBe(true);
    const results = await Promise.all(signIns);
    expect(results.every((r) => r.ok)).toBe(true);
    // Old: the list queued behind every scrypt (0 left). Now it answers while they hash.
    expect(stillSigningIn).toBeGreaterThanOrEqual(10);
  }, 60_000);
});

describe('changing one’s own password', () => {
  async function signedInSupervisor() {
    const ids = await setup();
    const result = await signIn(SUPERVISOR.username, SUPERVISOR.password);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return { ...ids, token: result.value.token };
  }
  const change = (token: string, currentPassword: string, newPassword: string) =>
    t.backend.call('accounts.changePassword', { currentPassword, newPassword }, token);
  const auditActions = async () =>
    (await t.ok('audit.list', { page: 1, pageSize: 100 })).rows.map((r) => r.action);

  it('counts wrong current passwords like sign-in, audits them, and locks the account', async () => {
    const { token } = await signedInSupervisor();
    const other = await signIn(SUPERVISOR.username, SUPERVISOR.password);
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const keys = [];
    for (const at of [0, 1, 2, 3, 9, 25]) {
      vi.setSystemTime(start + at * 1000);
      const result = await change(token, `guess ${at}`, 'a brand new phrase');
      keys.push(result.ok ? 'changed' : result.error.key);
    }
    expect(keys).toEqual([
      'errors.wrongPassword',
      'errors.wrongPassword',
      'errors.wrongPassword',
      'errors.accountLocked',
      'errors.wrongPassword',
      'errors.accountLocked',
    ]);
    const log = await auditActions();
    expect(log.filter((a) => a === 'password_change_failed')).toHaveLength(6);
    expect(log).toContain('lock');
    // Locked: this desk and every other session of the user are signed out, sign-in refused.
    expect(await t.backend.call('org.teams.list', {}, token)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(
      other.ok && (await t.backend.call('org.teams.list', {}, other.value.token)),
    ).toMatchObject({ ok: false });
    expect(await signIn(SUPERVISOR.username, SUPERVISOR.password)).toMatchObject({
      ok: false,
      error: { key: 'errors.accountLocked' },
    });
  });

  it('ends the user’s other sessions, keeps this one, and resets the count', async () => {
    const { token } = await signedInSupervisor();
    const other = await signIn(SUPERVISOR.username, SUPERVISOR.password);
    expect(other.ok).toBe(true);
    expect(await change(token, 'wrong guess', 'a brand new phrase')).toMatchObject({ ok: false });
    expect(await change(token, SUPERVISOR.password, 'a brand new phrase')).toMatchObject({
      ok: true,
    });
    expect((await t.backend.call('org.teams.list', {}, token)).ok).toBe(true);
    expect(
      other.ok && (await t.backend.call('org.teams.list', {}, other.value.token)),
    ).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await signIn(SUPERVISOR.username, 'a brand new phrase')).ok).toBe(true);
    const failures = t.store.sqlite
      .prepare('select failed_attempts from users where username = ?')
      .pluck()
      .get(SUPERVISOR.username);
    expect(failures).toBe(0);
  });
});

describe('new passwords', () => {
  const zh = mergedCatalog('zh-CN');
  const en = mergedCatalog('en-US');
  const refused = [
    ['        ', 'validation.passwordBlank'],
    ['wangfang2026', 'validation.passwordHasUsername'],
    ['my WangFang pass', 'validation.passwordHasUsername'],
    ['password1', 'validation.passwordCommon'],
    ['iloveyou', 'validation.passwordCommon'],
    ['1qaz2wsx', 'validation.passwordCommon'],
    ['Qwertyuiop', 'validation.passwordCommon'],
    ['88888888', 'validation.passwordCommon'],
    ['12121212', 'validation.passwordCommon'],
    ['12345678', 'validation.passwordCommon'],
    ['87654321', 'validation.passwordCommon'],
    ['abcdefghij', 'validation.passwordCommon'],
  ] as const;

  it('refuse spaces only, the username and the commonest passwords, on every way in', async () => {
    const { adminToken, supervisorId } = await setup();
    const signedIn = await signIn(SUPERVISOR.username, SUPERVISOR.password);
    const token = signedIn.ok ? signedIn.value.token : '';
    const before = t.digest();
    for (const [password, key] of refused) {
      const ways = [
        // The password is checked before the name is found taken.
        ['accounts.users.create', { ...SUPERVISOR, password }, adminToken, 'password'],
        ['accounts.users.resetPassword', { id: supervisorId, password }, adminToken, 'password'],
        [
          'accounts.changePassword',
          { currentPassword: SUPERVISOR.password, newPassword: password },
          token,
          'newPassword',
        ],
      ] as const;
      for (const [channel, input, caller, field] of ways) {
        expect(
          await t.backend.call(channel, input, caller),
          `${channel} ${password}`,
        ).toMatchObject({ ok: false, error: { code: 'invalid_input', field, key } });
      }
    }
    expect(t.digest()).toBe(before);
    for (const [, key] of refused) {
      const name = key.replace('validation.', '');
      expect((zh.validation as Record<string, string>)[name], key).toMatch(/\p{Script=Han}/u);
      expect((en.validation as Record<string, string>)[name], key).toBeTruthy();
    }
    // A long phrase, or a password no list holds, is fine.
    expect(
      (
        await t.backend.call(
          'accounts.users.resetPassword',
          { id: supervisorId, password: '早班 8 点交接' },
          adminToken,
        )
      ).ok,
    ).toBe(true);
  });

  it('are checked for the first administrator too', async () => {
    t = await tempStore();
    expect(
      await t.backend.call('accounts.setup', { ...ADMIN, password: 'admin123456' }, null),
    ).toMatchObject({
      ok: false,
      error: { field: 'password', key: 'validation.passwordHasUsername' },
    });
    expect(
      await t.backend.call('accounts.setup', { ...ADMIN, password: 'sunshine' }, null),
    ).toMatchObject({ ok: false, error: { field: 'password', key: 'validation.passwordCommon' } });
    expect(await t.ok('accounts.status', {})).toMatchObject({ needsSetup: true });
  });
});
