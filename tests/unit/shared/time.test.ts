import { describe, expect, it } from 'vitest';
import {
  addDaysTo,
  crossesMidnight,
  isValidDate,
  shiftInstanceWindow,
  shiftLengthMinutes,
  weekDates,
  weekStartOf,
} from '../../../shared/domain/time';

const at = (d: Date) =>
  `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()} ${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`;

describe('shift hours', () => {
  it('knows which shifts cross midnight', () => {
    expect(crossesMidnight({ startTime: '22:00', endTime: '08:00' })).toBe(true);
    expect(crossesMidnight({ startTime: '08:00', endTime: '16:00' })).toBe(false);
    // 中班 ends at 24:00: the end of its own day, not the next.
    expect(crossesMidnight({ startTime: '16:00', endTime: '24:00' })).toBe(false);
    // 夜班 00:00–08:00 starts at the beginning of its date.
    expect(crossesMidnight({ startTime: '00:00', endTime: '08:00' })).toBe(false);
  });

  it('measures shift length across midnight', () => {
    expect(shiftLengthMinutes({ startTime: '22:00', endTime: '08:00' })).toBe(600);
    expect(shiftLengthMinutes({ startTime: '16:00', endTime: '24:00' })).toBe(480);
    expect(shiftLengthMinutes({ startTime: '09:30', endTime: '18:00' })).toBe(510);
  });

  it('gives a night shift instance full date-times on the right days', () => {
    const night = shiftInstanceWindow('2026-12-31', { startTime: '22:00', endTime: '08:00' });
    expect(at(night.start)).toBe('2026-12-31 22:00');
    expect(at(night.end)).toBe('2027-1-1 8:00');
    const middle = shiftInstanceWindow('2026-02-28', { startTime: '16:00', endTime: '24:00' });
    expect(at(middle.end)).toBe('2026-3-1 0:00');
  });
});

describe('calendar dates', () => {
  it('rejects dates that do not exist', () => {
    expect(isValidDate('2026-02-28')).toBe(true);
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-1-5')).toBe(false);
    expect(isValidDate('')).toBe(false);
  });

  it('starts weeks on Monday', () => {
    expect(weekStartOf('2026-11-22')).toBe('2026-11-16'); // a Sunday belongs to the week before
    expect(weekStartOf('2026-11-16')).toBe('2026-11-16');
    expect(weekDates('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(addDaysTo('2026-03-01', -1)).toBe('2026-02-28');
  });
});
