import { failure, type User } from '../../../../shared/contract';
import {
  countUsers,
  findCredentials,
  findUser,
  insertUser,
  updateUser,
} from '../../../../db/queries/accounts/users';
import {
  CommittedFailure,
  type HandlerContext,
  type PrepareContext,
  type Session,
} from '../../core/context';
import { fieldFailure } from '../../core/errors';
import { afterFailure, lockLeft, NO_ATTEMPTS, type AttemptState } from './attempts';
import { hashPassword, verifyPassword, type ScryptCost } from './passwords';
import { checkNewPassword } from './password-rules';

const sessionOf = (user: User): Session => ({
  userId: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  teamIds: user.teamIds,
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

export async function needsSetup(ctx: Pick<HandlerContext, 'db'>) {
  return (await countUsers(ctx.db)) === 0;
}

const setupDone = () =>
  failure('conflict', 'the console already has accounts', { key: 'errors.setupDone' });

/** Before the transaction: refuse early when accounts exist, then check and hash the password. */
export async function prepareFirstAdmin(
  ctx: PrepareContext,
  input: { username: string; password: string },
) {
  if (!(await ctx.read((db) => needsSetup({ db })))) throw setupDone();
  return newPasswordHash(ctx, 'password', input.password, input.username);
}

/** The first administrator, on an empty console only (checked again: another desk may have won). */
export async function createFirstAdmin(
  ctx: HandlerContext,
  input: { username: string; displayName: string },
  passwordHash: string,
): Promise<User> {
  if (!(await needsSetup(ctx))) throw setupDone();
  const id = await insertUser(
    ctx.db,
    { ...input, role: 'admin', staffId: null, passwordHash },
    ctx.now,
  );
  return (await findUser(ctx.db, id))!;
}

/** A new password's rules, then its hash: the slow part, done before any transaction. */
export async function newPasswordHash(
  ctx: PrepareContext,
  field: string,
  password: string,
  username: string,
) {
  checkNewPassword(field, password, username);
  return hashPassword(password, ctx.auth.passwordCost);
}

// Checked against when the name is unknown, so a wrong name costs what a wrong password does.
const dummyHashes = new Map<string, Promise<string>>();
function dummyHash(cost: ScryptCost) {
  const key = `${cost.N}$${cost.r}$${cost.p}`;
  if (!dummyHashes.has(key)) dummyHashes.set(key, hashPassword('not a password', cost));
  return dummyHashes.get(key)!;
}

/** What the check before the transaction found: which account, by which hash, and the verdict. */
export interface PasswordCheck {
  userId: number | null;
  passwordHash: string | null;
  verified: boolean;
}

/**
 * The slow half of a sign-in, outside the transaction: exactly one scrypt, whether the name exists,
 * the account is locked or disabled, or not (an unknown name is checked against a dummy hash).
 */
export async function checkPassword(
  ctx: PrepareContext,
  { username, password }: { username: string; password: string },
): Promise<PasswordCheck> {
  const dummy = await dummyHash(ctx.auth.passwordCost);
  const found = await ctx.read((db) => findCredentials(db, username));
  const verified = await verifyPassword(password, found?.passwordHash ?? dummy);
  return {
    userId: found?.user.id ?? null,
    passwordHash: found?.passwordHash ?? null,
    verified: !!found && verified,
  };
}

/** Every refusal reads the same, whether or not the name exists: only its key and wait differ. */
const refused = (key: string, params?: Record<string, number>) =>
  new CommittedFailure({
    code: 'unauthorized',
    message: 'sign-in refused',
    key,
    field: 'password',
    ...(params && { params }),
  });

/**
 * The quick half, inside the transaction, on the account as it is now. A refusal still counts the
 * attempt — on the account, or for an unknown name in memory, with the same waits and lock — and
 * is audited: it throws CommittedFailure, whose writes commit. On success the count resets.
 */
export async function completeSignIn(
  ctx: HandlerContext,
  { username }: { username: string },
  check: PasswordCheck,
): Promise<User> {
  const found = await findCredentials(ctx.db, username);
  const now = new Date(ctx.now);
  const refuse = async (reason: string, key: string, params?: Record<string, number>) => {
    await ctx.audit({
      action: 'sign_in_failed',
      entity: 'session',
      entityId: found?.user.id ?? null,
      after: { username, reason },
      actor: { userId: found?.user.id ?? null, username },
    });
    throw refused(key, params);
  };
  /** After a counted failure: wrong credentials, or locked if this one locked the name. */
  const refuseAfter = (reason: string, next: CountedFailure) =>
    next.locked
      ? refuse(reason, 'errors.accountLocked', lockLeft(next, now)!)
      : refuse(reason, 'errors.badCredentials');

  if (!found) {
    const unknown = ctx.auth.signInAttempts;
    const state = unknown.get(username);
    const left = lockLeft(state, now);
    if (left) return refuse('locked', 'errors.accountLocked', left);
    const next = afterFailure(state, now);
    unknown.set(username, { failedAttempts: next.failedAttempts, lockedUntil: next.lockedUntil });
    return refuseAfter('unknown user', next);
  }
  const { user } = found;
  // The password was checked against the account as it was a moment ago; if it changed since (a
  // reset, a new account by that name), the verdict is stale: refuse without counting.
  if (check.userId !== user.id || check.passwordHash !== found.passwordHash) {
    return refuse('account changed during sign-in', 'errors.badCredentials');
  }
  const state = { failedAttempts: found.failedAttempts, lockedUntil: user.lockedUntil };
  const left = lockLeft(state, now);
  if (left) return refuse('locked', 'errors.accountLocked', left);
  if (!check.verified) {
    return refuseAfter('wrong password', await countFailure(ctx, user.id, state, now));
  }
  if (!user.active) return refuse('inactive', 'errors.accountDisabled');
  await updateUser(ctx.db, user.id, NO_ATTEMPTS, ctx.now);
  return { ...user, lockedUntil: null };
}

type CountedFailure = ReturnType<typeof afterFailure>;

/** A wrong password on an account (at sign-in or a password change): counted, and a lock audited. */
async function countFailure(
  ctx: HandlerContext,
  userId: number,
  state: AttemptState,
  now: Date,
): Promise<CountedFailure> {
  const next = afterFailure(state, now);
  const { failedAttempts, lockedUntil } = next;
  await updateUser(ctx.db, userId, { failedAttempts, lockedUntil }, ctx.now);
  if (next.locked) {
    await ctx.audit({
      action: 'lock',
      entity: 'user',
      entityId: userId,
      after: { lockedUntil, failedAttempts },
      actor: { userId: null, username: 'system' },
    });
  }
  return next;
}

/** Before the transaction: the new password's rules and hash, and the current one checked. */
export async function prepareOwnPasswordChange(
  ctx: PrepareContext,
  input: { currentPassword: string; newPassword: string },
) {
  const { session } = ctx;
  if (!session?.userId) throw noAccount();
  checkNewPassword('newPassword', input.newPassword, session.username);
  const check = await checkPassword(ctx, {
    username: session.username,
    password: input.currentPassword,
  });
  return {
    check,
    newHash: check.verified ? await hashPassword(input.newPassword, ctx.auth.passwordCost) : null,
  };
}

const noAccount = () =>
  failure('conflict', 'this session has no account', { key: 'errors.noAccount' });

/**
 * The signed-in user's own password. A wrong current password counts like a failed sign-in (the
 * same waits and lock; a lock also signs the user out everywhere) and is audited; a change signs
 * the user out of every other session.
 */
export async function changeOwnPassword(
  ctx: HandlerContext,
  prepared: Awaited<ReturnType<typeof prepareOwnPasswordChange>>,
): Promise<number> {
  const userId = ctx.session?.userId;
  const found = userId ? await findCredentials(ctx.db, ctx.session!.username) : undefined;
  if (!userId || !found || found.user.id !== userId) throw noAccount();
  const { check, newHash } = prepared;
  if (check.userId !== userId || check.passwordHash !== found.passwordHash) {
    throw failure('conflict', 'the password changed meanwhile', { key: 'errors.conflict' });
  }
  const now = new Date(ctx.now);
  const state = { failedAttempts: found.failedAttempts, lockedUntil: found.user.lockedUntil };
  const refuse = async (reason: string, error: ReturnType<typeof fieldFailure>) => {
    await ctx.audit({
      action: 'password_change_failed',
      entity: 'user',
      entityId: userId,
      after: { reason },
    });
    throw new CommittedFailure(error.error);
  };
  const left = lockLeft(state, now);
  if (left) return refuse('locked', fieldFailure('currentPassword', 'errors.accountLocked', left));
  if (!check.verified || !newHash) {
    const next = await countFailure(ctx, userId, state, now);
    if (!next.locked) {
      return refuse('wrong password', fieldFailure('currentPassword', 'errors.wrongPassword'));
    }
    // Whoever is guessing at this desk is signed out with the rest of the user's sessions.
    ctx.auth.sessions.revokeUser(userId);
    return refuse(
      'wrong password',
      fieldFailure('currentPassword', 'errors.accountLocked', lockLeft(next, now)!),
    );
  }
  await updateUser(ctx.db, userId, { passwordHash: newHash, ...NO_ATTEMPTS }, ctx.now);
  ctx.auth.sessions.revokeUser(userId, ctx.auth.token);
  return userId;
}
