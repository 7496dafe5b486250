import { failure } from '../../../shared/contract';
import { findStaff } from '../../../db/queries/org/staff';
import { findUser, insertUser, listUsers, updateUser } from '../../../db/queries/accounts/users';
import type { Handler, HandlerContext } from '../context';
import { hashPassword } from '../passwords';

async function mustFindUser(ctx: HandlerContext, id: number) {
  const user = await findUser(ctx.db, id);
  if (!user) throw failure('not_found', `user ${id} not found`, { field: 'id' });
  return user;
}

async function checkStaff(ctx: HandlerContext, staffId: number | null) {
  if (staffId !== null && !(await findStaff(ctx.db, staffId))) {
    throw failure('invalid_input', 'unknown staff', { field: 'staffId', key: 'errors.not_found' });
  }
}

export const usersList: Handler<'accounts.users.list'> = (ctx) => listUsers(ctx.db);

export const usersCreate: Handler<'accounts.users.create'> = async (
  ctx,
  { password, ...input },
) => {
  await checkStaff(ctx, input.staffId);
  const id = await insertUser(
    ctx.db,
    { ...input, passwordHash: await hashPassword(password, ctx.auth.passwordCost) },
    ctx.now,
  );
  await ctx.audit({ action: 'create', entity: 'user', entityId: id, after: input });
  return mustFindUser(ctx, id);
};

export const usersUpdate: Handler<'accounts.users.update'> = async (ctx, { id, ...input }) => {
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
  await checkStaff(ctx, input.staffId);
  await updateUser(ctx.db, id, input, ctx.now);
  const after = await mustFindUser(ctx, id);
  // A new role or a disabled account takes effect now, not at the next sign-in.
  if (before.role !== after.role || before.active !== after.active)
    ctx.auth.sessions.revokeUser(id);
  await ctx.audit({ action: 'update', entity: 'user', entityId: id, before, after });
  return after;
};

export const usersResetPassword: Handler<'accounts.users.resetPassword'> = async (
  ctx,
  { id, password },
) => {
  await mustFindUser(ctx, id);
  await updateUser(
    ctx.db,
    id,
    {
      passwordHash: await hashPassword(password, ctx.auth.passwordCost),
      failedAttempts: 0,
      lockedUntil: null,
    },
    ctx.now,
  );
  ctx.auth.sessions.revokeUser(id);
  await ctx.audit({ action: 'password_reset', entity: 'user', entityId: id });
  return mustFindUser(ctx, id);
};

export const usersUnlock: Handler<'accounts.users.unlock'> = async (ctx, { id }) => {
  const before = await mustFindUser(ctx, id);
  await updateUser(ctx.db, id, { failedAttempts: 0, lockedUntil: null }, ctx.now);
  await ctx.audit({
    action: 'unlock',
    entity: 'user',
    entityId: id,
    before: { lockedUntil: before.lockedUntil },
    after: { lockedUntil: null },
  });
  return mustFindUser(ctx, id);
};
