import { z } from 'zod';
import { ROLES } from '../domain/org';
import { channel } from './channel';
import { empty, id, requiredText } from './fields';
import { admins, everyone } from './roles';

export const role = z.enum(ROLES);

export const username = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, { error: 'validation.username' });

/** Long enough to resist guessing at a shared desk; no composition rules (NIST 800-63B). */
export const newPassword = z.string().min(8).max(128);

export const user = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role,
  staffId: id.nullable(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  /** The teams a supervisor leads: their screens open on them, and the backend keeps them to them. */
  teamIds: z.array(id),
  /** The staff record the account belongs to, as the roster names it. */
  staff: z.object({ name: z.string(), employeeNo: z.string() }).nullable(),
});
export type User = z.infer<typeof user>;

export const signedIn = z.object({ token: z.string(), user });

export const authStatus = z.object({
  /** No account exists yet: the console asks for the first administrator. */
  needsSetup: z.boolean(),
  user: user.nullable(),
  idleMinutes: z.number().int(),
});

const userFields = z.object({
  username,
  displayName: requiredText(30),
  role,
  /** The person's own staff record: who the account is. */
  staffId: id.nullish().transform((v) => v ?? null),
  /** Only supervisors lead teams: managers, HR and admins see every team. */
  teamIds: z
    .array(id)
    .max(50)
    .nullish()
    .transform((v) => [...new Set(v ?? [])]),
  password: newPassword,
});

const onlySupervisorsLeadTeams = (u: { role: string; teamIds: number[] }) =>
  u.role === 'supervisor' || u.teamIds.length === 0;
const teamsRefinement = { path: ['teamIds'], error: 'validation.teamsForSupervisors' };

export const userInput = userFields.refine(onlySupervisorsLeadTeams, teamsRefinement);
export const userUpdateInput = userFields
  .omit({ password: true, username: true })
  .extend({ id, active: z.boolean() })
  .refine(onlySupervisorsLeadTeams, teamsRefinement);

/** The shortest idle sign-out: below it a desk signs out while the lead is still talking to an agent. */
export const MIN_IDLE_MINUTES = 5;
export const MAX_IDLE_MINUTES = 480;
export const securitySettings = z.object({
  idleMinutes: z
    .number()
    .int()
    .min(MIN_IDLE_MINUTES, { error: 'validation.idleMinutes' })
    .max(MAX_IDLE_MINUTES, { error: 'validation.idleMinutes' }),
});

/** Accounts and sessions: setup, sign-in, users, security settings. */
export const accountsChannels = {
  'accounts.status': channel({
    input: empty,
    output: authStatus,
    roles: everyone,
    public: true,
    transaction: 'read',
  }),
  'accounts.setup': channel({
    input: userFields.omit({ role: true, staffId: true, teamIds: true }),
    output: signedIn,
    roles: everyone,
    public: true,
    transaction: 'write',
  }),
  /** A refused sign-in still commits: the failed attempt is counted and audited. */
  'accounts.signIn': channel({
    input: z.object({
      username: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(128),
    }),
    output: signedIn,
    roles: everyone,
    public: true,
    transaction: 'write',
  }),
  'accounts.signOut': channel({
    input: empty,
    output: z.object({}),
    roles: everyone,
    transaction: 'write',
  }),
  'accounts.changePassword': channel({
    input: z.object({ currentPassword: z.string().min(1).max(128), newPassword }),
    output: z.object({}),
    roles: everyone,
    transaction: 'write',
  }),
  'accounts.users.list': channel({
    input: empty,
    output: z.array(user),
    roles: admins,
    transaction: 'read',
  }),
  /** Usernames that differ only in case, from before names had to differ in more (migration 7). */
  'accounts.users.clashes': channel({
    input: empty,
    output: z.array(z.array(z.string())),
    roles: admins,
    transaction: 'read',
  }),
  'accounts.users.create': channel({
    input: userInput,
    output: user,
    roles: admins,
    transaction: 'write',
  }),
  'accounts.users.update': channel({
    input: userUpdateInput,
    output: user,
    roles: admins,
    transaction: 'write',
  }),
  'accounts.users.resetPassword': channel({
    input: z.object({ id, password: newPassword }),
    output: user,
    roles: admins,
    transaction: 'write',
  }),
  'accounts.users.unlock': channel({
    input: z.object({ id }),
    output: user,
    roles: admins,
    transaction: 'write',
  }),
  'accounts.security': channel({
    input: empty,
    output: securitySettings,
    roles: admins,
    transaction: 'read',
  }),
  'accounts.updateSecurity': channel({
    input: securitySettings,
    output: securitySettings,
    roles: admins,
    transaction: 'write',
  }),
} as const;
