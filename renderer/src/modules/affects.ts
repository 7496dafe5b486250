import type { Channel } from '../../../shared/contract';
import { ALL_MODULES } from '.';
import type { ChannelPattern } from './module';

/** Whether a pattern (a channel, a prefix ending in a dot, or `*`) covers a channel. */
export const matches = (pattern: ChannelPattern, channel: string) =>
  pattern === '*' || pattern === channel || (pattern.endsWith('.') && channel.startsWith(pattern));

/**
 * The query channels a write reloads: the longest pattern any module declares for it (see
 * `invalidates` in each module's index.ts), else its own module's channels.
 */
export function affectedBy(channel: Channel): readonly ChannelPattern[] {
  const declared = ALL_MODULES.flatMap((m) => Object.entries(m.invalidates ?? {})).filter(
    ([pattern]) => matches(pattern as ChannelPattern, channel),
  );
  const best = declared.sort(([a], [b]) => b.length - a.length)[0];
  return best?.[1] ?? [`${channel.split('.')[0]}.` as ChannelPattern];
}
