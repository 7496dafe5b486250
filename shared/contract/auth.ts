import { z } from 'zod';
import { ROLES } from '../domain/org';
import { id, requiredText } from './fields';

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
});
export type User = z.infer<typeof user>;

export const signedIn = z.object({ token: z.string(), user });

export const authStatus = z.object({
  /** No account exists yet: the console asks for the first administrator. */
  needsSetup: z.boolean(),
  user: user.nullable(),
  idleMinutes: z.number().int(),
});

export const userInput = z.object({
  username,
  displayName: requiredText(30),
  role,
  staffId: id.nullish().transform((v) => v ?? null),
  password: newPassword,
});

export const securitySettings = z.object({ idleMinutes: z.number().int().min(1).max(480) });
