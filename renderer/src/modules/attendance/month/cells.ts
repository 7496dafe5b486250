import { theme } from 'antd';
import { useMemo } from 'react';
import type { AttendanceRecord, MonthGrid } from '../../../../../shared/contract';
import type { AttendanceStatus } from '../../../../../shared/domain/attendance';
import { parseDate } from '../../../../../shared/domain/time';
import { STATUS_COLORS } from '../status';

/** One person's day in a month grid: what was planned and what was recorded. */
export interface DayCell {
  staffId: number;
  date: string;
  /** undefined: not on the schedule; null: a rest day (休息); else the shift type. */
  shiftTypeId: number | null | undefined;
  record: AttendanceRecord | null;
}

/** One person as the attendance tabs pass them around (a roster row or a summary row). */
export interface PersonRef {
  id: number;
  name: string;
  employeeNo: string;
  teamId: number | null;
  teamName: string | null;
}

/** Who the correction dialog is for: one person on one date, as the grid or calendar shows it. */
export interface CorrectionTarget extends DayCell {
  name: string;
  employeeNo: string;
}

/** Looks up a grid's cells by person and date without scanning the arrays per cell. */
export function indexGrid(grid: MonthGrid | undefined) {
  const scheduled = new Map<string, number | null>();
  const records = new Map<string, AttendanceRecord>();
  for (const s of grid?.scheduled ?? []) scheduled.set(`${s.staffId}|${s.date}`, s.shiftTypeId);
  for (const r of grid?.records ?? []) records.set(`${r.staffId}|${r.date}`, r);
  return (staffId: number, date: string): DayCell => {
    const key = `${staffId}|${date}`;
    return {
      staffId,
      date,
      shiftTypeId: scheduled.has(key) ? scheduled.get(key) : undefined,
      record: records.get(key) ?? null,
    };
  };
}

export const isWeekend = (date: string) => {
  const day = parseDate(date).getDay();
  return day === 0 || day === 6;
};

/**
 * A stored 'yyyy-MM-dd HH:mm' as the clock shows it; a time on another day than the shift's date
 * (a night shift's clock-out) is marked, so 08:02 reads as the next morning.
 */
export function clockOf(dateTime: string | null, shiftDate: string): string {
  if (!dateTime) return '—';
  const time = dateTime.slice(11, 16);
  if (dateTime.slice(0, 10) === shiftDate) return time;
  return dateTime.slice(0, 10) > shiftDate ? `${time}⁺¹` : `${time}⁻¹`;
}

/** Background, border and text colours of each status, from the same palette as StatusTag. */
export function useStatusPalette() {
  const { token } = theme.useToken();
  return useMemo(() => {
    const shade = (status: AttendanceStatus, n: number) =>
      token[`${STATUS_COLORS[status]}${n}` as keyof typeof token] as string;
    return (status: AttendanceStatus) => ({
      background: shade(status, 1),
      border: shade(status, 3),
      color: shade(status, 8),
      /** For chart bars and other solid marks. */
      solid: shade(status, 6),
    });
  }, [token]);
}

/** Props that make a grid cell a button when it opens something: click, Enter or Space. */
export function openableCell(onOpen: (() => void) | undefined) {
  if (!onOpen) return {};
  return {
    role: 'button',
    tabIndex: 0,
    onClick: onOpen,
    onKeyDown: (e: { key: string; preventDefault(): void }) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onOpen();
      }
    },
  };
}
