import type { z } from 'zod';
import type { Role } from '../domain/org';

/**
 * The transaction a channel's handler runs in, declared with the channel:
 * - `read`: a read transaction that cannot write (a write in it fails);
 * - `write`: one write transaction for the action and its audit entry, committed or rolled back whole;
 * - `none`: outside any transaction, for channels that swap the database underneath (a restore)
 *   or copy it to a file (a backup); their audit entry is written in a transaction of its own.
 */
export const TRANSACTION_KINDS = ['read', 'write', 'none'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Who may call it. The backend rejects everyone else before touching the database. */
  roles: readonly Role[];
  /** Callable before signing in: setup, sign-in, status. Everything else needs a session. */
  public?: true;
  transaction: TransactionKind;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>) => def;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  i: infer I,
) => void
  ? I
  : never;

/**
 * The modules' channel maps as one: what spreading them in order gives, with each map's own
 * types. The prefix test checks that no two maps define the same channel.
 */
export function spreadModules<M extends Record<string, Record<string, ChannelDef>>>(
  modules: M,
): UnionToIntersection<M[keyof M]> {
  return Object.assign({}, ...Object.values(modules)) as UnionToIntersection<M[keyof M]>;
}
