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
