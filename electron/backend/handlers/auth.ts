import { addMinutes, addSeconds, differenceInSeconds } from 'date-fns';
import { failure, type User } from '../../../shared/contract';
import { getSetting, putSetting } from '../../../db/queries/settings/settings';
import {
  countUsers,
  findCredentials,
  findUser,
  insertUser,
  passwordHashOf,
  updateUser,
} from '../../../db/queries/accounts/users';
import { CommittedFailure, type Handler, type HandlerContext, type Session } from '../context';
import { hashPassword, verifyPassword } from '../passwords';

export const DEFAULT_IDLE_MINUTES = 15;
const IDLE_KEY = 'security.idleMinutes';
/** After this many failures in a row the account locks for LOCK_MINUTES; before that, each failure waits longer. */
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
const SLOW_DOWN_FROM = 3;

export async function idleMinutes(ctx: Pick<HandlerContext, 'db'>): Promise<number> {
  return Number((await getSetting(ctx.db, IDLE_KEY)) ?? DEFAULT_IDLE_MINUTES);
}

const sessionOf = (user: User): Session => ({
  userId: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
});

function signIn(ctx: HandlerContext, user: User) {
  return { token: ctx.auth.sessions.create(sessionOf(user)), user };
}

export const authStatus: Handler<'accounts.status'> = async (ctx) => ({
  needsSetup: (await countUsers(ctx.db)) === 0,
  user: ctx.session?.userId ? ((await findUser(ctx.db, ctx.session.userId)) ?? null) : null,
  idleMinutes: await idleMinutes(ctx),
});

/** The first administrator, on an empty console only. */
export const authSetup: Handler<'accounts.setup'> = async (ctx, input) => {
  if ((await countUsers(ctx.db)) > 0) {
    throw failure('conflict', 'the console already has accounts', { key: 'errors.setupDone' });
  }
  const passwordHash = await hashPassword(input.password, ctx.auth.passwordCost);
  const id = await insertUser(
    ctx.db,
    { ...input, role: 'admin', staffId: null, passwordHash },
    ctx.now,
  );
  const user = (await findUser(ctx.db, id))!;
  await ctx.audit({
    action: 'create',
    entity: 'user',
    entityId: id,
    after: { username: user.username, role: 'admin' },
    actor: { userId: id, username: user.username },
  });
  await ctx.audit({
    action: 'sign_in',
    entity: 'session',
    entityId: id,
    actor: { userId: id, username: user.username },
  });
  return signIn(ctx, user);
};

// Spent on unknown usernames too, so a wrong name takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export const authSignIn: Handler<'accounts.signIn'> = async (ctx, { username, password }) => {
  const found = await findCredentials(ctx.db, username);
  const refuse = async (reason: string, key: string, params?: Record<string, number>) => {
    await ctx.audit({
      action: 'sign_in_failed',
      entity: 'session',
      entityId: found?.user.id ?? null,
      after: { username, reason },
      actor: { userId: found?.user.id ?? null, username },
    });
    throw new CommittedFailure({
      code: 'unauthorized',
      message: `sign-in refused: ${reason}`,
      key,
      field: 'password',
      params,
    });
  };
  if (!found) {
    dummyHash ??= hashPassword('not a password', ctx.auth.passwordCost);
    await verifyPassword(password, await dummyHash);
    return refuse('unknown user', 'errors.badCredentials');
  }
  const { user } = found;
  const now = new Date(ctx.now);
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    const seconds = differenceInSeconds(new Date(user.lockedUntil), now) + 1;
    return refuse('locked', 'errors.accountLocked', { minutes: Math.ceil(seconds / 60), seconds });
  }
  if (!(await verifyPassword(password, found.passwordHash))) {
    const attempts = found.failedAttempts + 1;
    const lockedUntil =
      attempts >= LOCK_AFTER
        ? addMinutes(now, LOCK_MINUTES).toISOString()
        : attempts >= SLOW_DOWN_FROM
          ? addSeconds(now, 5 * 2 ** (attempts - SLOW_DOWN_FROM)).toISOString()
          : null;
    await updateUser(ctx.db, user.id, { failedAttempts: attempts, lockedUntil }, ctx.now);
    if (attempts >= LOCK_AFTER) {
      await ctx.audit({
        action: 'lock',
        entity: 'user',
        entityId: user.id,
        after: { lockedUntil, failedAttempts: attempts },
        actor: { userId: null, username: 'system' },
      });
      return refuse('wrong password', 'errors.accountLocked', {
        minutes: LOCK_MINUTES,
        seconds: LOCK_MINUTES * 60,
      });
    }
    return refuse('wrong password', 'errors.badCredentials');
  }
  if (!user.active) return refuse('inactive', 'errors.accountDisabled');
  await updateUser(ctx.db, user.id, { failedAttempts: 0, lockedUntil: null }, ctx.now);
  await ctx.audit({
    action: 'sign_in',
    entity: 'session',
    entityId: user.id,
    actor: { userId: user.id, username: user.username },
  });
  return signIn(ctx, { ...user, lockedUntil: null });
};

export const authSignOut: Handler<'accounts.signOut'> = async (ctx) => {
  if (ctx.auth.token) ctx.auth.sessions.revoke(ctx.auth.token);
  await ctx.audit({ action: 'sign_out', entity: 'session', entityId: ctx.session?.userId ?? null });
  return {};
};

export const authChangePassword: Handler<'accounts.changePassword'> = async (ctx, input) => {
  const userId = ctx.session?.userId;
  const stored = userId ? await passwordHashOf(ctx.db, userId) : undefined;
  if (!userId || !stored)
    throw failure('conflict', 'this session has no account', { key: 'errors.noAccount' });
  if (!(await verifyPassword(input.currentPassword, stored))) {
    throw failure('invalid_input', 'current password is wrong', {
      field: 'currentPassword',
      key: 'errors.wrongPassword',
      issues: [{ field: 'currentPassword', key: 'errors.wrongPassword' }],
    });
  }
  await updateUser(
    ctx.db,
    userId,
    { passwordHash: await hashPassword(input.newPassword, ctx.auth.passwordCost) },
    ctx.now,
  );
  await ctx.audit({ action: 'password_change', entity: 'user', entityId: userId });
  return {};
};

export const securitySettings: Handler<'accounts.security'> = async (ctx) => ({
  idleMinutes: await idleMinutes(ctx),
});

export const updateSecuritySettings: Handler<'accounts.updateSecurity'> = async (ctx, input) => {
  const before = { idleMinutes: await idleMinutes(ctx) };
  await putSetting(ctx.db, IDLE_KEY, String(input.idleMinutes), ctx.now);
  ctx.auth.sessions.idleMinutes = input.idleMinutes;
  await ctx.audit({
    action: 'update',
    entity: 'settings',
    entityId: 'security',
    before,
    after: input,
  });
  return input;
};
