import { failure, type Role, type User } from '../../../../shared/contract';
import { findStaff } from '../../../../db/queries/org/staff';
import {
  findUser,
  insertUser,
  listUsers,
  setUserTeams,
  updateUser,
  usernameTaken,
} from '../../../../db/queries/accounts/users';
import { findTeam } from '../../../../db/queries/org/teams';
import type { HandlerContext, PrepareContext } from '../../core/context';
import { fieldFailure } from '../../core/errors';

export async function mustFindUser(ctx: Pick<HandlerContext, 'db'>, id: number) {
  const user = await findUser(ctx.db, id);
  if (!user) throw failure('not_found', `user ${id} not found`, { field: 'id' });
  return user;
}

/** Before the transaction: whose password a reset sets, for the rules that name the username. */
export const usernameOf = async (ctx: PrepareContext, id: number) =>
  (await ctx.read((db) => mustFindUser({ db }, id))).username;

/** The staff record exists, and no other account is already that person. */
async function checkStaff(ctx: HandlerContext, staffId: number | null, userId?: number) {
  if (staffId === null) return;
  if (!(await findStaff(ctx.db, staffId))) throw fieldFailure('staffId', 'errors.not_found');
  const taken = (await listUsers(ctx.db)).find((u) => u.staffId === staffId && u.id !== userId);
  if (taken) throw fieldFailure('staffId', 'errors.staffHasAccount', { username: taken.username });
}

async function checkTeams(ctx: HandlerContext, teamIds: readonly number[]) {
  for (const [i, teamId] of teamIds.entries())
    if (!(await findTeam(ctx.db, teamId))) throw fieldFailure(`teamIds.${i}`, 'errors.unknownTeam');
}

interface UserFields {
  displayName: string;
  role: Role;
  staffId: number | null;
  teamIds: number[];
}

export async function createUser(
  ctx: HandlerContext,
  fields: UserFields & { username: string },
  passwordHash: string,
): Promise<User> {
  // Sign-in ignores case, so "Zhang" beside "zhang" could never sign in.
  const taken = await usernameTaken(ctx.db, fields.username);
  if (taken) throw fieldFailure('username', 'errors.usernameTaken', { username: taken.username });
  await checkStaff(ctx, fields.staffId);
  await checkTeams(ctx, fields.teamIds);
  const id = await insertUser(ctx.db, { ...fields, passwordHash }, ctx.now);
  await setUserTeams(ctx.db, id, fields.teamIds);
  return mustFindUser(ctx, id);
}

/** Edits an account; a new role or a disabled account takes effect now, not at the next sign-in. */
export async function editUser(
  ctx: HandlerContext,
  id: number,
  input: UserFields & { active: boolean },
): Promise<{ before: User; after: User }> {
  const before = await mustFindUser(ctx, id);
  // The console must keep an administrator who can sign in.
  if (before.role === 'admin' && (input.role !== 'admin' || !input.active)) {
    const admins = (await listUsers(ctx.db)).filter(
      (u) => u.role === 'admin' && u.active && u.id !== id,
    );
    if (admins.length === 0)
      throw failure('conflict', 'the last administrator must stay', {
        field: 'role',
        key: 'errors.lastAdmin',
      });
  }
  await checkStaff(ctx, input.staffId, id);
  await checkTeams(ctx, input.teamIds);
  await updateUser(ctx.db, id, input, ctx.now);
  await setUserTeams(ctx.db, id, input.teamIds);
  const after = await mustFindUser(ctx, id);
  if (before.role !== after.role || before.active !== after.active)
    ctx.auth.sessions.revokeUser(id);
  // New teams apply to the desks where the supervisor is signed in, at their next call.
  else ctx.auth.sessions.updateUser(id, { displayName: after.displayName, teamIds: after.teamIds });
  return { before, after };
}

/** A new password set by the administrator: the lock clears and the user signs in again. */
export async function resetPassword(ctx: HandlerContext, id: number, passwordHash: string) {
  await mustFindUser(ctx, id);
  await updateUser(ctx.db, id, { passwordHash, failedAttempts: 0, lockedUntil: null }, ctx.now);
  ctx.auth.sessions.revokeUser(id);
  return mustFindUser(ctx, id);
}

export async function unlockUser(ctx: HandlerContext, id: number) {
  const before = await mustFindUser(ctx, id);
  await updateUser(ctx.db, id, { failedAttempts: 0, lockedUntil: null }, ctx.now);
  return { before, after: await mustFindUser(ctx, id) };
}
