import { addDays, addMinutes, format, isValid, parse, startOfWeek } from 'date-fns';

/** Calendar dates travel as 'yyyy-MM-dd' strings in local time: a shift instance is a date + a shift type. */
export const DATE_FORMAT = 'yyyy-MM-dd';

export function parseDate(date: string): Date {
  return parse(date, DATE_FORMAT, new Date(2000, 0, 1));
}

export function isValidDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && isValid(parseDate(date));
}

export function formatDate(date: Date): string {
  return format(date, DATE_FORMAT);
}

export function addDaysTo(date: string, days: number): string {
  return formatDate(addDays(parseDate(date), days));
}

/** Weeks start on Monday, as schedules in Chinese centers do. */
export function weekStartOf(date: string): string {
  return formatDate(startOfWeek(parseDate(date), { weekStartsOn: 1 }));
}

export function weekDates(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDaysTo(weekStart, i));
}

/** 'HH:mm' (00:00–24:00) to minutes after midnight. '24:00' is the end of the day. */
export function clockToMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export interface ShiftHours {
  startTime: string;
  endTime: string;
}

/** A shift whose end is not after its start ends on the next day (e.g. 22:00–08:00). */
export function crossesMidnight(shift: ShiftHours): boolean {
  return clockToMinutes(shift.endTime) <= clockToMinutes(shift.startTime);
}

export function shiftLengthMinutes(shift: ShiftHours): number {
  const start = clockToMinutes(shift.startTime);
  const end = clockToMinutes(shift.endTime);
  return end > start ? end - start : end + 24 * 60 - start;
}

/** The full date-times of one shift instance: the instance belongs to the date its shift starts on. */
export function shiftInstanceWindow(date: string, shift: ShiftHours): { start: Date; end: Date } {
  const start = addMinutes(parseDate(date), clockToMinutes(shift.startTime));
  return { start, end: addMinutes(start, shiftLengthMinutes(shift)) };
}
