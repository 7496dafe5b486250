import { fromWallMinutes, wallMinutes } from '../../../../../shared/domain/time';

/**
 * Clock arithmetic for the roll-call: the supervisor types only 'HH:mm'; the date is worked out
 * from the shift, so an arrival of 00:10 on a 22:00–08:00 night shift lands on the next day.
 */

/**
 * A typed clock time as 'HH:mm', or null. Takes what people type in a hurry: 8:25, 08:25, 0825,
 * 825, and the full-width colon a Chinese input method produces (8：25).
 */
export function parseClock(text: string): string | null {
  const match = /^(\d{1,2})[:：.]?(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * The full date-time of a clock time on a shift instance: of the same clock on the day before,
 * the day of, and the day after the start, the one nearest the shift's window (inside it when it
 * can be). Shifts are shorter than a day, so at most one candidate falls inside.
 */
export function resolveArrival(clock: string, plannedStart: string, plannedEnd: string): string {
  const start = wallMinutes(plannedStart);
  const end = wallMinutes(plannedEnd);
  const onStartDay = wallMinutes(`${plannedStart.slice(0, 10)} ${clock}`);
  const distance = (t: number) => (t < start ? start - t : t > end ? t - end : 0);
  const best = [onStartDay - 1440, onStartDay, onStartDay + 1440].reduce((a, b) =>
    distance(b) < distance(a) ? b : a,
  );
  return fromWallMinutes(best);
}

/**
 * What the late prompt offers first: the time now while the shift runs (the person has just
 * walked in), else the start plus 10 minutes (a roll-call before the start, or a late entry for
 * a shift that is over), a number to correct rather than a blank.
 */
export function defaultArrival(now: string, plannedStart: string, plannedEnd: string): string {
  const at = wallMinutes(now);
  const start = wallMinutes(plannedStart);
  const inShift = at >= start && at < wallMinutes(plannedEnd);
  return fromWallMinutes(inShift ? at : start + 10).slice(11);
}

/** Minutes from the planned start to an arrival (negative: early). */
export function minutesAfter(plannedStart: string, arrival: string): number {
  return wallMinutes(arrival) - wallMinutes(plannedStart);
}
