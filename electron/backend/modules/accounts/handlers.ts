import type { accountsChannels } from '../../../../shared/contract';
import { findUser, listUsers } from '../../../../db/queries/accounts/users';
import { auditCreate, auditUpdate } from '../../core/audit';
import type { HandlersOf } from '../../core/context';
import { idleMinutes, setIdleMinutes } from './security';
import {
  changeOwnPassword,
  checkSignIn,
  createFirstAdmin,
  needsSetup,
  startSession,
} from './sign-in';
import { createUser, editUser, resetPassword, unlockUser } from './users';

export const accountsHandlers: HandlersOf<typeof accountsChannels> = {
  'accounts.status': async (ctx) => ({
    needsSetup: await needsSetup(ctx),
    user: ctx.session?.userId ? ((await findUser(ctx.db, ctx.session.userId)) ?? null) : null,
    idleMinutes: await idleMinutes(ctx),
  }),

  'accounts.setup': async (ctx, input) => {
    const user = await createFirstAdmin(ctx, input);
    await ctx.audit({
      action: 'create',
      entity: 'user',
      entityId: user.id,
      after: { username: user.username, role: 'admin' },
      actor: { userId: user.id, username: user.username },
    });
    return startSession(ctx, user);
  },

  'accounts.signIn': async (ctx, input) => startSession(ctx, await checkSignIn(ctx, input)),

  'accounts.signOut': async (ctx) => {
    if (ctx.auth.token) ctx.auth.sessions.revoke(ctx.auth.token);
    await ctx.audit({
      action: 'sign_out',
      entity: 'session',
      entityId: ctx.session?.userId ?? null,
    });
    return {};
  },

  'accounts.changePassword': async (ctx, input) => {
    const userId = await changeOwnPassword(ctx, input);
    await ctx.audit({ action: 'password_change', entity: 'user', entityId: userId });
    return {};
  },

  'accounts.users.list': (ctx) => listUsers(ctx.db),

  'accounts.users.create': async (ctx, { password, ...input }) =>
    auditCreate(ctx, 'user', await createUser(ctx, input, password), input),

  'accounts.users.update': async (ctx, { id, ...input }) =>
    auditUpdate(ctx, 'user', id, await editUser(ctx, id, input)),

  'accounts.users.resetPassword': async (ctx, { id, password }) => {
    const user = await resetPassword(ctx, id, password);
    await ctx.audit({ action: 'password_reset', entity: 'user', entityId: id });
    return user;
  },

  'accounts.users.unlock': async (ctx, { id }) => {
    const { before, after } = await unlockUser(ctx, id);
    await ctx.audit({
      action: 'unlock',
      entity: 'user',
      entityId: id,
      before: { lockedUntil: before.lockedUntil },
      after: { lockedUntil: null },
    });
    return after;
  },

  'accounts.security': async (ctx) => ({ idleMinutes: await idleMinutes(ctx) }),

  'accounts.updateSecurity': async (ctx, input) => {
    const before = { idleMinutes: await idleMinutes(ctx) };
    await setIdleMinutes(ctx, input.idleMinutes);
    await ctx.audit({
      action: 'update',
      entity: 'settings',
      entityId: 'security',
      before,
      after: input,
    });
    return input;
  },
};
