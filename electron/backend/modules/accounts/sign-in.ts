import { addMinutes, addSeconds, differenceInSeconds } from 'date-fns';
import { failure, type User } from '../../../../shared/contract';
import {
  countUsers,
  findCredentials,
  findUser,
  insertUser,
  passwordHashOf,
  updateUser,
} from '../../../../db/queries/accounts/users';
import { CommittedFailure, type HandlerContext, type Session } from '../../core/context';
import { fieldFailure } from '../../core/errors';
import { hashPassword, verifyPassword } from './passwords';

/** After this many failures in a row the account locks for LOCK_MINUTES; before that, each failure waits longer. */
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
const SLOW_DOWN_FROM = 3;

const sessionOf = (user: User): Session => ({
  userId: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
});

/** Signs the user in, audited: a new session, whose token the renderer sends with every call. */
export async function startSession(ctx: HandlerContext, user: User) {
  await ctx.audit({
    action: 'sign_in',
    entity: 'session',
    entityId: user.id,
    actor: { userId: user.id, username: user.username },
  });
  return { token: ctx.auth.sessions.create(sessionOf(user)), user };
}

export async function needsSetup(ctx: HandlerContext) {
  return (await countUsers(ctx.db)) === 0;
}

/** The first administrator, on an empty console only. */
export async function createFirstAdmin(
  ctx: HandlerContext,
  input: { username: string; displayName: string; password: string },
): Promise<User> {
  if (!(await needsSetup(ctx))) {
    throw failure('conflict', 'the console already has accounts', { key: 'errors.setupDone' });
  }
  const passwordHash = await hashPassword(input.password, ctx.auth.passwordCost);
  const id = await insertUser(
    ctx.db,
    { ...input, role: 'admin', staffId: null, passwordHash },
    ctx.now,
  );
  return (await findUser(ctx.db, id))!;
}

// Spent on unknown usernames too, so a wrong name takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a username and password. A refusal still counts the attempt, locks the account after
 * LOCK_AFTER failures and is audited: it throws CommittedFailure, whose writes commit. On success
 * the counter resets and the sign-in is audited.
 */
export async function checkSignIn(
  ctx: HandlerContext,
  { username, password }: { username: string; password: string },
): Promise<User> {
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
  return { ...user, lockedUntil: null };
}

/** The signed-in user's own password: the current one first. */
export async function changeOwnPassword(
  ctx: HandlerContext,
  input: { currentPassword: string; newPassword: string },
): Promise<number> {
  const userId = ctx.session?.userId;
  const stored = userId ? await passwordHashOf(ctx.db, userId) : undefined;
  if (!userId || !stored)
    throw failure('conflict', 'this session has no account', { key: 'errors.noAccount' });
  if (!(await verifyPassword(input.currentPassword, stored))) {
    throw fieldFailure('currentPassword', 'errors.wrongPassword');
  }
  await updateUser(
    ctx.db,
    userId,
    { passwordHash: await hashPassword(input.newPassword, ctx.auth.passwordCost) },
    ctx.now,
  );
  return userId;
}
