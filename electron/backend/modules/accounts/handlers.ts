import type { accountsChannels } from '../../../../shared/contract';
import { findUser, listUsers, usernameClashes } from '../../../../db/queries/accounts/users';
import { auditCreate, auditUpdate } from '../../core/audit';
import { preparedHandler, type HandlersOf } from '../../core/context';
import { idleMinutes, setIdleMinutes } from './security';
import {
  changeOwnPassword,
  checkPassword,
  completeSignIn,
  createFirstAdmin,
  needsSetup,
  newPasswordHash,
  prepareFirstAdmin,
  prepareOwnPasswordChange,
  startSession,
} from './sign-in';
import { createUser, editUser, resetPassword, unlockUser, usernameOf } from './users';

/**
 * Every channel that checks or sets a password does its scrypt in a prepare step, before the
 * transaction: a sign-in at one desk no longer holds up every other desk's calls.
 */

export const accountsHandlers: HandlersOf<typeof accountsChannels> = {
  'accounts.status': async (ctx) => ({
    needsSetup: await needsSetup(ctx),
    user: ctx.session?.userId ? ((await findUser(ctx.db, ctx.session.userId)) ?? null) : null,
    idleMinutes: await idleMinutes(ctx),
  }),

  'accounts.setup': preparedHandler({
    prepare: prepareFirstAdmin,
    async run(ctx, { password: _, ...input }, passwordHash: string) {
      const user = await createFirstAdmin(ctx, input, passwordHash);
      await ctx.audit({
        action: 'create',
        entity: 'user',
        entityId: user.id,
        after: { username: user.username, role: 'admin' },
        actor: { userId: user.id, username: user.username },
      });
      return startSession(ctx, user);
    },
  }),

  'accounts.signIn': preparedHandler({
    prepare: checkPassword,
    run: async (ctx, input, check) => startSession(ctx, await completeSignIn(ctx, input, check)),
  }),

  'accounts.signOut': async (ctx) => {
    if (ctx.auth.token) ctx.auth.sessions.revoke(ctx.auth.token);
    await ctx.audit({
      action: 'sign_out',
      entity: 'session',
      entityId: ctx.session?.userId ?? null,
    });
    return {};
  },

  'accounts.changePassword': preparedHandler({
    prepare: prepareOwnPasswordChange,
    async run(ctx, _input, prepared) {
      const userId = await changeOwnPassword(ctx, prepared);
      await ctx.audit({ action: 'password_change', entity: 'user', entityId: userId });
      return {};
    },
  }),

  'accounts.users.list': (ctx) => listUsers(ctx.db),

  'accounts.users.clashes': (ctx) => usernameClashes(ctx.db),

  'accounts.users.create': preparedHandler({
    prepare: (ctx, input) => newPasswordHash(ctx, 'password', input.password, input.username),
    run: async (ctx, { password: _, ...input }, passwordHash: string) =>
      auditCreate(ctx, 'user', await createUser(ctx, input, passwordHash), input),
  }),

  'accounts.users.update': async (ctx, { id, ...input }) =>
    auditUpdate(ctx, 'user', id, await editUser(ctx, id, input)),

  'accounts.users.resetPassword': preparedHandler({
    prepare: async (ctx, { id, password }) =>
      newPasswordHash(ctx, 'password', password, await usernameOf(ctx, id)),
    async run(ctx, { id }, passwordHash: string) {
      const user = await resetPassword(ctx, id, passwordHash);
      await ctx.audit({ action: 'password_reset', entity: 'user', entityId: id });
      return user;
    },
  }),

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
