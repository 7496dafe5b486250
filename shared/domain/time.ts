import { addMinutes, format, parse, startOfWeek } from 'date-fns';
import type { Language } from './language';

/**
 * A 'yyyy-MM' month as the language writes it: 2026年11月 / November 2026 (on screens and in
 * exported files alike).
 */
export function monthLabel(month: string, language: Language): string {
  return format(parseDate(`${month}-01`), language === 'zh-CN' ? 'yyyy年M月' : 'MMMM yyyy');
}

/** Calendar dates travel as 'yyyy-MM-dd' strings in local time: a shift instance is a date + a shift type. */
export const DATE_FORMAT = 'yyyy-MM-dd';

export function parseDate(date: string): Date {
  return parse(date, DATE_FORMAT, new Date(2000, 0, 1));
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day as 'yyyy-MM-dd' (2026-02-30 is not). Plain arithmetic: imports check it per cell. */
export function isValidDate(date: string): boolean {
  const m = DATE_PATTERN.exec(date);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
}

export function formatDate(date: Date): string {
  return format(date, DATE_FORMAT);
}

/** Calendar arithmetic on the date string (no Date parsed in local time): imports call it per punch. */
export function addDaysTo(date: string, days: number): string {
  return fromWallMinutes(wallMinutes(`${date} 00:00`) + days * 1440).slice(0, 10);
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
  const colon = clock.indexOf(':');
  if (colon < 0) return Number(clock) * 60;
  return Number(clock.slice(0, colon)) * 60 + Number(clock.slice(colon + 1));
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

/** A local wall-clock date-time as the console stores it: 'yyyy-MM-dd HH:mm'. */
export const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidDateTime(value: string): boolean {
  return DATE_TIME_PATTERN.test(value) && isValidDate(value.slice(0, 10));
}

/**
 * Minutes since 1970-01-01 00:00 on the wall clock. Arithmetic on the calendar, not on instants:
 * a clock reading 02:30 is 150 minutes after midnight whatever daylight saving does, which is how
 * attendance rules count (China has no DST; a desk elsewhere must not gain or lose an hour).
 */
export function wallMinutes(dateTime: string): number {
  // No helper closure: this runs for every punch and record of an import.
  const days = daysFromCivil(
    Number(dateTime.slice(0, 4)),
    Number(dateTime.slice(5, 7)),
    Number(dateTime.slice(8, 10)),
  );
  return days * 1440 + Number(dateTime.slice(11, 13)) * 60 + Number(dateTime.slice(14, 16));
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by arithmetic alone (H. Hinnant's
 * days_from_civil): wallMinutes runs for every punch and record of an import, and a Date per
 * call cost more than the rest of the classification.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of wallMinutes. */
export function fromWallMinutes(minutes: number): string {
  const day = new Date(Math.floor(minutes / 1440) * 86_400_000);
  const rest = ((minutes % 1440) + 1440) % 1440;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(day.getUTCFullYear()).padStart(4, '0')}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} ${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`;
}

/** One shift instance's start and end as wall-clock minutes (see wallMinutes). */
export function shiftWindowMinutes(
  date: string,
  shift: ShiftHours,
): { start: number; end: number } {
  const start = wallMinutes(`${date} 00:00`) + clockToMinutes(shift.startTime);
  return { start, end: start + shiftLengthMinutes(shift) };
}

/** 'yyyy-MM' of a date; attendance months close and export by it. */
export const monthOf = (date: string) => date.slice(0, 7);

/** Every date of a 'yyyy-MM' month (calendar arithmetic: this runs on every summary). */
export function monthDates(month: string): string[] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}
