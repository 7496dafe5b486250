import { instancesAround, type ShiftInstanceRef } from '../attendance/shifts';
import { wallMinutes, type ShiftHours } from '../time';

/**
 * How long after a shift's end its lead is still taken to be handing it over. A lead writes up in
 * the last minutes of the shift or just after it; two hours on, the next shift's lead is the one
 * at the desk.
 */
export const HANDOVER_WINDOW_MINUTES = 120;

/**
 * The shift instance a handover opened at `now` is most likely for: the one whose end is nearest
 * in the past, within the window (at 08:05 the night shift that ended at 08:00, not the early
 * shift that began), else the one running now (a lead writing before the end), else none.
 */
export function handoverInstance(
  now: string,
  shifts: (ShiftHours & { id: number })[],
  windowMinutes = HANDOVER_WINDOW_MINUTES,
): ShiftInstanceRef | null {
  const at = wallMinutes(now);
  const instances = instancesAround(now, shifts);
  const ended = instances
    .filter((i) => i.end <= at && at - i.end <= windowMinutes)
    .sort((a, b) => b.end - a.end)[0];
  const running = instances.filter((i) => i.start <= at && at < i.end).at(-1);
  const pick = ended ?? running;
  return pick ? { date: pick.date, shiftTypeId: pick.shiftTypeId } : null;
}
