import { getSetting, putSetting } from '../../../../db/queries/settings/settings';
import type { HandlerContext } from '../../core/context';

/** An idle desk signs itself out after this many minutes (the administrator sets it). */
export const DEFAULT_IDLE_MINUTES = 15;
const IDLE_KEY = 'security.idleMinutes';

export async function idleMinutes(ctx: Pick<HandlerContext, 'db'>): Promise<number> {
  return Number((await getSetting(ctx.db, IDLE_KEY)) ?? DEFAULT_IDLE_MINUTES);
}

/** Saves the idle limit and applies it to every session now, not at the next sign-in. */
export async function setIdleMinutes(ctx: HandlerContext, minutes: number) {
  await putSetting(ctx.db, IDLE_KEY, String(minutes), ctx.now);
  ctx.auth.sessions.idleMinutes = minutes;
}
