import { getSetting, putSetting } from '../../../../db/queries/settings/settings';
import { MAX_IDLE_MINUTES, MIN_IDLE_MINUTES } from '../../../../shared/contract';
import type { HandlerContext } from '../../core/context';

/** An idle desk signs itself out after this many minutes (the administrator sets it). */
export const DEFAULT_IDLE_MINUTES = 15;
const IDLE_KEY = 'security.idleMinutes';

export async function idleMinutes(ctx: Pick<HandlerContext, 'db'>): Promise<number> {
  const saved = Number((await getSetting(ctx.db, IDLE_KEY)) ?? DEFAULT_IDLE_MINUTES);
  // A limit saved before the minimum existed (1 minute) works, and shows, as the minimum.
  return Math.min(MAX_IDLE_MINUTES, Math.max(MIN_IDLE_MINUTES, saved));
}

/** Saves the idle limit and applies it to every session now, not at the next sign-in. */
export async function setIdleMinutes(ctx: HandlerContext, minutes: number) {
  await putSetting(ctx.db, IDLE_KEY, String(minutes), ctx.now);
  ctx.auth.sessions.idleMinutes = minutes;
}
