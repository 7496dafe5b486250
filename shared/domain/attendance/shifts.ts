import { fromWallMinutes, shiftWindowMinutes, wallMinutes, type ShiftHours } from '../time';

/** How far before its start and after its end a clock time can still belong to a shift. */
const CLOCK_REACH_MINUTES = 12 * 60;

/**
 * Whether a clock time can belong to this instance: within 12 hours of the shift, or on a rest
 * day between its midnight and noon the next day. A time outside is a typing mistake (a wrong
 * day), not a 30-day overtime.
 */
export function clockFitsInstance(date: string, shift: ShiftHours | null, time: string): boolean {
  const at = wallMinutes(time);
  if (!shift) {
    const midnight = wallMinutes(`${date} 00:00`);
    return at >= midnight && at <= midnight + 36 * 60;
  }
  const { start, end } = shiftWindowMinutes(date, shift);
  return at >= start - CLOCK_REACH_MINUTES && at <= end + CLOCK_REACH_MINUTES;
}

/** The planned start and end of an instance as wall-clock date-times, for display and records. */
export function plannedTimes(date: string, shift: ShiftHours): { start: string; end: string } {
  const { start, end } = shiftWindowMinutes(date, shift);
  return { start: fromWallMinutes(start), end: fromWallMinutes(end) };
}

export interface ShiftInstanceRef {
  date: string;
  shiftTypeId: number;
}

/**
 * The instance running at `now` (or the latest one to have started, within its length) and the
 * next one to start, across the given shift types: what the roll-call screen opens on.
 */
/** Every instance of the given shift types from yesterday to tomorrow, by start (wall minutes). */
export function instancesAround(now: string, shifts: (ShiftHours & { id: number })[]) {
  const today = now.slice(0, 10);
  const day = (offset: number) =>
    fromWallMinutes(wallMinutes(`${today} 00:00`) + offset * 1440).slice(0, 10);
  return [-1, 0, 1]
    .flatMap((offset) =>
      shifts.map((shift) => ({
        date: day(offset),
        shiftTypeId: shift.id,
        ...shiftWindowMinutes(day(offset), shift),
      })),
    )
    .sort((a, b) => a.start - b.start);
}

export function currentAndNextInstances(
  now: string,
  shifts: (ShiftHours & { id: number })[],
): { current: ShiftInstanceRef | null; next: ShiftInstanceRef | null } {
  const at = wallMinutes(now);
  const instances = instancesAround(now, shifts);
  const running = instances.filter((i) => i.start <= at && at < i.end);
  const current = running[running.length - 1] ?? null;
  const next = instances.find((i) => i.start > at) ?? null;
  const ref = (i: (typeof instances)[number] | null) =>
    i ? { date: i.date, shiftTypeId: i.shiftTypeId } : null;
  return { current: ref(current), next: ref(next) };
}

/** How long before its start a shift is the one a roll-call is for: its pre-shift meeting. */
export const ROLL_CALL_LEAD_MINUTES = 60;

/**
 * The two instances the roll-call screen shows, the one it opens on first: the shift about to
 * start (within the lead time) or, if none is, the one just started. At 07:50 the early shift's
 * meeting is on, not the night shift that ends in ten minutes; at 08:05 the early shift is still
 * first. The other instance follows, for a late mark.
 */
export function rollCallInstances(
  now: string,
  shifts: (ShiftHours & { id: number })[],
  leadMinutes = ROLL_CALL_LEAD_MINUTES,
): { first: ShiftInstanceRef | null; second: ShiftInstanceRef | null; firstIsNext: boolean } {
  const { current, next } = currentAndNextInstances(now, shifts);
  const startsSoon =
    next !== null &&
    shiftWindowMinutes(
      next.date,
      shifts.find((s) => s.id === next.shiftTypeId)!,
    ).start -
      wallMinutes(now) <=
      leadMinutes;
  return startsSoon || !current
    ? { first: next, second: current, firstIsNext: !!next }
    : { first: current, second: next, firstIsNext: false };
}
