import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyAttendance,
  currentAndNextInstances,
  DEFAULT_ATTENDANCE_RULES,
  plannedTimes,
  rollCallInstances,
  type AttendanceFacts,
  type ShiftRule,
} from '../../../shared/domain/attendance';
import {
  fromWallMinutes,
  isValidDateTime,
  monthDates,
  monthOf,
  shiftLengthMinutes,
  shiftWindowMinutes,
  wallMinutes,
} from '../../../shared/domain/time';

const rule = (startTime: string, endTime: string, grace = 5, earlyGrace = grace): ShiftRule => ({
  startTime,
  endTime,
  lateGraceMinutes: grace,
  earlyLeaveGraceMinutes: earlyGrace,
});
// The default shifts (PRODUCT.md): 早班 08:00–16:00, 中班 16:00–24:00, 夜班 00:00–08:00.
const EARLY = rule('08:00', '16:00');
const MIDDLE = rule('16:00', '24:00');
const NIGHT = rule('00:00', '08:00');
const NIGHT_22 = rule('22:00', '08:00');

const facts = (over: Partial<AttendanceFacts>): AttendanceFacts => ({
  date: '2026-11-30',
  shift: EARLY,
  clockIn: null,
  clockOut: null,
  mark: null,
  ...over,
});
const classify = (over: Partial<AttendanceFacts>, rules = DEFAULT_ATTENDANCE_RULES) =>
  classifyAttendance(facts(over), rules);

describe('classifyAttendance: every status', () => {
  it('present: on time in and out', () => {
    expect(classify({ clockIn: '2026-11-30 07:50', clockOut: '2026-11-30 16:05' })).toEqual({
      status: 'present',
      lateMinutes: 0,
      earlyMinutes: 0,
      overtimeMinutes: 0,
      absenceDays: 0,
    });
  });

  it('late, counted from the shift start', () => {
    expect(classify({ clockIn: '2026-11-30 08:12', clockOut: '2026-11-30 16:00' })).toMatchObject({
      status: 'late',
      lateMinutes: 12,
      earlyMinutes: 0,
      absenceDays: 0,
    });
  });

  it('early leave, counted to the shift end', () => {
    expect(classify({ clockIn: '2026-11-30 08:00', clockOut: '2026-11-30 15:20' })).toMatchObject({
      status: 'early_leave',
      lateMinutes: 0,
      earlyMinutes: 40,
    });
  });

  it('late and early leave together', () => {
    expect(classify({ clockIn: '2026-11-30 08:10', clockOut: '2026-11-30 15:50' })).toMatchObject({
      status: 'late_early',
      lateMinutes: 10,
      earlyMinutes: 10,
    });
  });

  it('absent: a scheduled shift with no clock times at all is 旷工, one day', () => {
    expect(classify({})).toEqual({
      status: 'absent',
      lateMinutes: 0,
      earlyMinutes: 0,
      overtimeMinutes: 0,
      absenceDays: 1,
    });
  });

  it('absent by mark overrides the clock times', () => {
    expect(
      classify({ mark: 'absent', clockIn: '2026-11-30 08:00', clockOut: '2026-11-30 16:00' }),
    ).toMatchObject({ status: 'absent', absenceDays: 1, lateMinutes: 0 });
  });

  it('leave and business trip: marks that override clock times and count no absence', () => {
    for (const mark of ['leave', 'business_trip'] as const) {
      expect(classify({ mark, clockIn: '2026-11-30 09:30' })).toEqual({
        status: mark,
        lateMinutes: 0,
        earlyMinutes: 0,
        overtimeMinutes: 0,
        absenceDays: 0,
      });
    }
  });

  it('rest day worked: the time worked is overtime', () => {
    expect(
      classify({ shift: null, clockIn: '2026-11-29 09:00', clockOut: '2026-11-29 13:30' }),
    ).toEqual({
      status: 'rest_day_worked',
      lateMinutes: 0,
      earlyMinutes: 0,
      overtimeMinutes: 270,
      absenceDays: 0,
    });
    // Without both times, the overtime the lead recorded stands.
    expect(classify({ shift: null, clockIn: '2026-11-29 09:00', overtimeMinutes: 120 })).toEqual(
      expect.objectContaining({ status: 'rest_day_worked', overtimeMinutes: 120 }),
    );
    // Across midnight on a rest day.
    expect(
      classify({ shift: null, clockIn: '2026-11-29 22:00', clockOut: '2026-11-30 02:00' }),
    ).toMatchObject({ overtimeMinutes: 240 });
  });

  it('keeps overtime recorded on a working day, rounded and never negative', () => {
    const on = { clockIn: '2026-11-30 08:00', clockOut: '2026-11-30 18:00' };
    expect(classify({ ...on, overtimeMinutes: 120 })).toMatchObject({
      status: 'present',
      overtimeMinutes: 120,
    });
    expect(classify({ ...on, overtimeMinutes: 29.6 }).overtimeMinutes).toBe(30);
    expect(classify({ ...on, overtimeMinutes: -15 }).overtimeMinutes).toBe(0);
  });
});

describe('classifyAttendance: grace minutes', () => {
  const shift = rule('08:00', '16:00', 5, 3);
  const out = '2026-11-30 16:00';

  it('late by exactly the grace is on time; one minute more is late from the shift start', () => {
    expect(classify({ shift, clockIn: '2026-11-30 08:05', clockOut: out })).toMatchObject({
      status: 'present',
      lateMinutes: 0,
    });
    expect(classify({ shift, clockIn: '2026-11-30 08:06', clockOut: out })).toMatchObject({
      status: 'late',
      lateMinutes: 6,
    });
  });

  it('leaving early by exactly the early-leave grace is not early; one minute more is', () => {
    const clockIn = '2026-11-30 08:00';
    expect(classify({ shift, clockIn, clockOut: '2026-11-30 15:57' })).toMatchObject({
      status: 'present',
      earlyMinutes: 0,
    });
    expect(classify({ shift, clockIn, clockOut: '2026-11-30 15:56' })).toMatchObject({
      status: 'early_leave',
      earlyMinutes: 4,
    });
  });

  it('a grace of 0 makes one minute late', () => {
    const strict = rule('08:00', '16:00', 0);
    expect(classify({ shift: strict, clockIn: '2026-11-30 08:00' }).status).toBe('present');
    expect(classify({ shift: strict, clockIn: '2026-11-30 08:01' })).toMatchObject({
      status: 'late',
      lateMinutes: 1,
    });
  });
});

describe('classifyAttendance: half-day rule', () => {
  const clockOut = '2026-11-30 16:00';

  it('late beyond halfDayLateMinutes counts half a day of absence', () => {
    expect(classify({ clockIn: '2026-11-30 08:30', clockOut })).toMatchObject({
      status: 'late',
      lateMinutes: 30,
      absenceDays: 0,
    });
    expect(classify({ clockIn: '2026-11-30 08:31', clockOut })).toMatchObject({
      status: 'late',
      lateMinutes: 31,
      absenceDays: 0.5,
    });
  });

  it('follows the configured minutes, and 0 turns the rule off', () => {
    const rules = { ...DEFAULT_ATTENDANCE_RULES, halfDayLateMinutes: 60 };
    expect(classify({ clockIn: '2026-11-30 09:00', clockOut }, rules).absenceDays).toBe(0);
    expect(classify({ clockIn: '2026-11-30 09:01', clockOut }, rules).absenceDays).toBe(0.5);
    const off = { ...DEFAULT_ATTENDANCE_RULES, halfDayLateMinutes: 0 };
    expect(classify({ clockIn: '2026-11-30 15:00', clockOut }, off)).toMatchObject({
      status: 'late',
      lateMinutes: 420,
      absenceDays: 0,
    });
  });

  it('a late arrival within the grace never counts, even with a rule below the grace', () => {
    const rules = { ...DEFAULT_ATTENDANCE_RULES, halfDayLateMinutes: 2 };
    expect(classify({ clockIn: '2026-11-30 08:05', clockOut }, rules)).toMatchObject({
      status: 'present',
      absenceDays: 0,
    });
  });
});

describe('classifyAttendance: night shifts', () => {
  it('22:00–08:00 on 2026-11-30 ends the next morning: 07:40 is 20 minutes early', () => {
    expect(
      classify({
        shift: NIGHT_22,
        clockIn: '2026-11-30 21:55',
        clockOut: '2026-12-01 07:40',
      }),
    ).toMatchObject({ status: 'early_leave', lateMinutes: 0, earlyMinutes: 20 });
  });

  it('22:00–08:00 late arrival after midnight counts from 22:00', () => {
    expect(
      classify({
        shift: NIGHT_22,
        clockIn: '2026-12-01 00:10',
        clockOut: '2026-12-01 08:00',
      }),
    ).toMatchObject({ status: 'late', lateMinutes: 130, absenceDays: 0.5 });
  });

  it('the default 夜班 00:00–08:00: a clock-in at 23:55 the evening before is on time', () => {
    expect(
      classify({
        date: '2026-12-01',
        shift: NIGHT,
        clockIn: '2026-11-30 23:55',
        clockOut: '2026-12-01 08:00',
      }),
    ).toMatchObject({ status: 'present', lateMinutes: 0, earlyMinutes: 0 });
  });

  it('中班 16:00–24:00 ends at midnight of its own date', () => {
    expect(
      classify({
        shift: MIDDLE,
        clockIn: '2026-11-30 16:00',
        clockOut: '2026-11-30 23:45',
      }),
    ).toMatchObject({ status: 'early_leave', earlyMinutes: 15 });
    expect(
      classify({
        shift: MIDDLE,
        clockIn: '2026-11-30 16:00',
        clockOut: '2026-12-01 00:00',
      }).status,
    ).toBe('present');
  });

  it('crosses month and year ends', () => {
    expect(
      classify({
        date: '2026-12-31',
        shift: NIGHT_22,
        clockIn: '2026-12-31 22:20',
        clockOut: '2027-01-01 07:30',
      }),
    ).toMatchObject({ status: 'late_early', lateMinutes: 20, earlyMinutes: 30 });
    expect(
      classify({
        date: '2028-02-29',
        shift: NIGHT_22,
        clockIn: '2028-02-29 22:00',
        clockOut: '2028-03-01 08:00',
      }).status,
    ).toBe('present');
  });
});

describe('classifyAttendance: one punch only', () => {
  it('clock-in only (roll-call) is present or late, never early leave', () => {
    expect(classify({ clockIn: '2026-11-30 08:00' })).toMatchObject({
      status: 'present',
      earlyMinutes: 0,
    });
    expect(classify({ clockIn: '2026-11-30 08:20' })).toMatchObject({
      status: 'late',
      lateMinutes: 20,
      earlyMinutes: 0,
    });
  });

  it('clock-out only is judged on the leaving time alone', () => {
    expect(classify({ clockOut: '2026-11-30 16:00' }).status).toBe('present');
    expect(classify({ clockOut: '2026-11-30 15:00' })).toMatchObject({
      status: 'early_leave',
      earlyMinutes: 60,
      lateMinutes: 0,
    });
  });

  it('clamps odd times to the shift instead of going negative or past its length', () => {
    // Arrives after the shift ended: late by the whole shift, not more.
    expect(classify({ clockIn: '2026-11-30 18:00' })).toMatchObject({ lateMinutes: 480 });
    // A clock-out before the clock-in is read as leaving at the clock-in.
    expect(classify({ clockIn: '2026-11-30 08:00', clockOut: '2026-11-30 07:00' })).toMatchObject({
      lateMinutes: 0,
      earlyMinutes: 480,
    });
  });
});

describe('plannedTimes', () => {
  it('gives wall-clock start and end, on the next day for night shifts', () => {
    expect(plannedTimes('2026-11-30', EARLY)).toEqual({
      start: '2026-11-30 08:00',
      end: '2026-11-30 16:00',
    });
    expect(plannedTimes('2026-11-30', NIGHT_22)).toEqual({
      start: '2026-11-30 22:00',
      end: '2026-12-01 08:00',
    });
    expect(plannedTimes('2026-12-31', MIDDLE)).toEqual({
      start: '2026-12-31 16:00',
      end: '2027-01-01 00:00',
    });
    expect(plannedTimes('2026-02-28', NIGHT_22).end).toBe('2026-03-01 08:00');
  });
});

describe('currentAndNextInstances', () => {
  const defaults = [
    { id: 1, ...EARLY },
    { id: 2, ...MIDDLE },
    { id: 3, ...NIGHT },
  ];

  it('finds the running shift and the next one', () => {
    expect(currentAndNextInstances('2026-11-30 09:00', defaults)).toEqual({
      current: { date: '2026-11-30', shiftTypeId: 1 },
      next: { date: '2026-11-30', shiftTypeId: 2 },
    });
  });

  it('at a shift change the new shift is current', () => {
    expect(currentAndNextInstances('2026-11-30 16:00', defaults)).toEqual({
      current: { date: '2026-11-30', shiftTypeId: 2 },
      next: { date: '2026-12-01', shiftTypeId: 3 },
    });
  });

  it('before midnight the next 夜班 belongs to the next day, across the year end', () => {
    expect(currentAndNextInstances('2026-12-31 23:40', defaults)).toEqual({
      current: { date: '2026-12-31', shiftTypeId: 2 },
      next: { date: '2027-01-01', shiftTypeId: 3 },
    });
  });

  it('a night shift crossing midnight is current on the morning after its date', () => {
    const shifts = [
      { id: 1, ...EARLY },
      { id: 4, ...NIGHT_22 },
    ];
    expect(currentAndNextInstances('2026-12-01 03:00', shifts)).toEqual({
      current: { date: '2026-11-30', shiftTypeId: 4 },
      next: { date: '2026-12-01', shiftTypeId: 1 },
    });
  });

  it('overlapping shifts: the latest to have started is current', () => {
    const shifts = [
      { id: 1, ...EARLY },
      { id: 5, ...rule('09:00', '18:00') },
    ];
    expect(currentAndNextInstances('2026-11-30 10:00', shifts).current).toEqual({
      date: '2026-11-30',
      shiftTypeId: 5,
    });
  });

  it('between shifts nothing is current; with no shifts nothing at all', () => {
    expect(currentAndNextInstances('2026-11-30 17:00', [{ id: 1, ...EARLY }])).toEqual({
      current: null,
      next: { date: '2026-12-01', shiftTypeId: 1 },
    });
    expect(currentAndNextInstances('2026-11-30 17:00', [])).toEqual({ current: null, next: null });
  });
});

describe('rollCallInstances', () => {
  const defaults = [
    { id: 1, ...EARLY },
    { id: 2, ...MIDDLE },
    { id: 3, ...NIGHT },
  ];
  const early = (date: string) => ({ date, shiftTypeId: 1 });
  const middle = (date: string) => ({ date, shiftTypeId: 2 });
  const night = (date: string) => ({ date, shiftTypeId: 3 });

  it('opens on the shift about to start, not the one about to end', () => {
    expect(rollCallInstances('2026-11-30 07:50', defaults)).toEqual({
      first: early('2026-11-30'),
      second: night('2026-11-30'),
      firstIsNext: true,
    });
    expect(rollCallInstances('2026-11-30 15:30', defaults).first).toEqual(middle('2026-11-30'));
    // The night shift of 00:00 belongs to the next day's date.
    expect(rollCallInstances('2026-11-30 23:20', defaults).first).toEqual(night('2026-12-01'));
  });

  it('keeps the shift just started first, with the next one after it', () => {
    expect(rollCallInstances('2026-11-30 08:05', defaults)).toEqual({
      first: early('2026-11-30'),
      second: middle('2026-11-30'),
      firstIsNext: false,
    });
    expect(rollCallInstances('2026-11-30 14:59', defaults).first).toEqual(early('2026-11-30'));
  });

  it('between shifts, the next one; with a 22:00–08:00 night, its own date after midnight', () => {
    expect(rollCallInstances('2026-11-30 17:00', [{ id: 1, ...EARLY }])).toEqual({
      first: early('2026-12-01'),
      second: null,
      firstIsNext: true,
    });
    const shifts = [
      { id: 1, ...EARLY },
      { id: 4, ...NIGHT_22 },
    ];
    expect(rollCallInstances('2026-12-01 00:30', shifts).first).toEqual({
      date: '2026-11-30',
      shiftTypeId: 4,
    });
    expect(rollCallInstances('2026-11-30 21:15', shifts).first).toEqual({
      date: '2026-11-30',
      shiftTypeId: 4,
    });
  });
});

describe('classifyAttendance: clock punches (缺卡)', () => {
  it('one punch of two from the clock is 缺卡, late minutes and all', () => {
    expect(classify({ clockIn: '2026-11-30 07:58', fromClock: true }).status).toBe('missing_punch');
    expect(classify({ clockIn: '2026-11-30 08:40', fromClock: true })).toMatchObject({
      status: 'missing_punch',
      lateMinutes: 40,
      absenceDays: 0.5,
    });
    expect(classify({ clockOut: '2026-11-30 16:00', fromClock: true }).status).toBe(
      'missing_punch',
    );
    expect(
      classify({ clockIn: '2026-11-30 07:58', clockOut: '2026-11-30 16:01', fromClock: true })
        .status,
    ).toBe('present');
    // No punch at all is still 旷工, and a mark outranks the clock.
    expect(classify({ fromClock: true }).status).toBe('absent');
    expect(classify({ clockIn: '2026-11-30 07:58', fromClock: true, mark: 'leave' }).status).toBe(
      'leave',
    );
  });
});

describe('wall-clock time helpers', () => {
  it('validates date-times to the minute', () => {
    expect(isValidDateTime('2026-11-30 08:00')).toBe(true);
    expect(isValidDateTime('2024-02-29 23:59')).toBe(true);
    expect(isValidDateTime('2026-02-29 08:00')).toBe(false);
    expect(isValidDateTime('2026-11-30 24:00')).toBe(false);
    expect(isValidDateTime('2026-11-30 08:60')).toBe(false);
    expect(isValidDateTime('2026-11-30 8:00')).toBe(false);
    expect(isValidDateTime('2026-11-30T08:00')).toBe(false);
    expect(isValidDateTime('2026-11-30 08:00:00')).toBe(false);
    expect(isValidDateTime('2026-11-30')).toBe(false);
    expect(isValidDateTime('')).toBe(false);
  });

  it('counts minutes on the calendar, across month, year and leap days', () => {
    expect(wallMinutes('1970-01-01 00:00')).toBe(0);
    expect(wallMinutes('1970-01-02 01:30')).toBe(1440 + 90);
    expect(wallMinutes('2027-01-01 00:00') - wallMinutes('2026-12-31 23:59')).toBe(1);
    expect(wallMinutes('2028-03-01 00:00') - wallMinutes('2028-02-28 00:00')).toBe(2 * 1440);
    expect(fromWallMinutes(wallMinutes('2026-12-31 23:30') + 45)).toBe('2027-01-01 00:15');
    expect(fromWallMinutes(-1)).toBe('1969-12-31 23:59');
  });

  it('gives shift windows in wall minutes', () => {
    const base = wallMinutes('2026-11-30 00:00');
    expect(shiftWindowMinutes('2026-11-30', NIGHT_22)).toEqual({
      start: base + 22 * 60,
      end: base + 32 * 60,
    });
    expect(shiftWindowMinutes('2026-11-30', MIDDLE)).toEqual({
      start: base + 16 * 60,
      end: base + 24 * 60,
    });
  });

  it('knows months', () => {
    expect(monthOf('2026-11-30')).toBe('2026-11');
    expect(monthDates('2026-11')).toHaveLength(30);
    expect(monthDates('2026-12').at(-1)).toBe('2026-12-31');
    expect(monthDates('2026-02')).toHaveLength(28);
    expect(monthDates('2028-02').at(-1)).toBe('2028-02-29');
    expect(monthDates('2026-01')[0]).toBe('2026-01-01');
  });

  // BUG (shared/domain/time.ts): isValidDateTime accepts any 4-digit year, but Date.UTC maps
  // years 0–99 to 1900–1999 and fromWallMinutes does not pad the year to 4 digits, so a typo such
  // as '0026-11-30 08:00' (which the contract lets through) reads as 1926 and writes back wrong.
  it('round-trips every year isValidDateTime accepts', () => {
    for (const x of ['0026-11-30 08:00', '0999-01-01 00:00', '1000-01-01 00:00']) {
      expect(isValidDateTime(x)).toBe(true);
      expect(fromWallMinutes(wallMinutes(x))).toBe(x);
    }
  });
});

/**
 * Wall-clock arithmetic must not depend on the desk's time zone: a US or EU desk must not gain
 * or lose an hour on its DST night. Node re-reads TZ when it is assigned, so the same checks run
 * here under zones with DST (New York 2026-03-08 02:00 does not exist; Santiago changes at
 * midnight, so local midnight itself is missing on its DST day).
 */
describe.each(['America/New_York', 'Europe/Berlin', 'America/Santiago'])(
  'wall-clock arithmetic under TZ=%s',
  (zone) => {
    const saved = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      process.env.TZ = saved;
    });

    it('has no daylight-saving gap or overlap', () => {
      // The zone is in effect: its offsets differ between January and July.
      expect(new Date(2026, 0, 15).getTimezoneOffset()).not.toBe(
        new Date(2026, 6, 15).getTimezoneOffset(),
      );
      expect(wallMinutes('2026-03-08 03:00') - wallMinutes('2026-03-08 01:00')).toBe(120);
      expect(wallMinutes('2026-11-01 02:00') - wallMinutes('2026-11-01 00:30')).toBe(90);
      expect(wallMinutes('2026-03-29 03:00') - wallMinutes('2026-03-29 01:59')).toBe(61);
      expect(fromWallMinutes(wallMinutes('2026-03-08 02:30'))).toBe('2026-03-08 02:30');
      expect(plannedTimes('2026-03-07', NIGHT_22).end).toBe('2026-03-08 08:00');
      expect(plannedTimes('2026-09-05', NIGHT_22).end).toBe('2026-09-06 08:00');
    });

    it('classifies a night shift over the DST change by the wall clock', () => {
      expect(
        classify({
          date: '2026-03-07',
          shift: NIGHT_22,
          clockIn: '2026-03-07 22:00',
          clockOut: '2026-03-08 07:40',
        }),
      ).toMatchObject({ status: 'early_leave', earlyMinutes: 20 });
    });

    it('lists every date of DST months', () => {
      expect(monthDates('2026-03')).toHaveLength(31);
      expect(monthDates('2026-09')).toHaveLength(30);
      expect(monthDates('2026-04')).toHaveLength(30);
      expect(new Set(monthDates('2026-10')).size).toBe(31);
    });
  },
);

describe('properties', () => {
  const clock = fc
    .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) })
    .map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const shiftRule = fc.record({
    startTime: clock,
    endTime: fc.oneof(clock, fc.constant('24:00')),
    lateGraceMinutes: fc.integer({ min: 0, max: 120 }),
    earlyLeaveGraceMinutes: fc.integer({ min: 0, max: 120 }),
  });
  // Realistic dates, including leap days, month and year ends.
  const day = fc.integer({
    min: wallMinutes('2000-01-01 00:00') / 1440,
    max: wallMinutes('2099-12-31 00:00') / 1440,
  });
  const dateOf = (d: number) => fromWallMinutes(d * 1440).slice(0, 10);
  const nearby = (d: number) =>
    fc.option(fc.integer({ min: (d - 2) * 1440, max: (d + 3) * 1440 - 1 }).map(fromWallMinutes), {
      nil: null,
    });
  const caseOf = day.chain((d) =>
    fc.record({
      date: fc.constant(dateOf(d)),
      shift: fc.option(shiftRule, { nil: null }),
      clockIn: nearby(d),
      clockOut: nearby(d),
      mark: fc.option(
        fc.constantFrom('absent' as const, 'leave' as const, 'business_trip' as const),
        {
          freq: 4,
          nil: null,
        },
      ),
      overtimeMinutes: fc.integer({ min: 0, max: 1440 }),
      halfDayLateMinutes: fc.integer({ min: 0, max: 480 }),
    }),
  );

  it('classifyAttendance never throws and keeps its figures in range', () => {
    fc.assert(
      fc.property(caseOf, ({ halfDayLateMinutes, ...input }) => {
        const result = classifyAttendance(input, {
          ...DEFAULT_ATTENDANCE_RULES,
          halfDayLateMinutes,
        });
        for (const n of [result.lateMinutes, result.earlyMinutes, result.overtimeMinutes]) {
          expect(Number.isInteger(n) && n >= 0).toBe(true);
        }
        if (input.shift) {
          const length = shiftLengthMinutes(input.shift);
          expect(result.lateMinutes).toBeLessThanOrEqual(length);
          expect(result.earlyMinutes).toBeLessThanOrEqual(length);
          if (result.lateMinutes > 0) {
            expect(result.lateMinutes).toBeGreaterThan(input.shift.lateGraceMinutes);
          }
        } else {
          expect(result.lateMinutes + result.earlyMinutes).toBe(0);
        }
        expect([0, 0.5, 1]).toContain(result.absenceDays);
      }),
      { numRuns: 2000 },
    );
  });

  it('fromWallMinutes inverts wallMinutes, which counts real UTC minutes', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2099-12-31T23:59:00Z'),
          noInvalidDate: true,
        }),
        (instant) => {
          const x = `${instant.getUTCFullYear()}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())} ${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())}`;
          expect(isValidDateTime(x)).toBe(true);
          expect(wallMinutes(x)).toBe(Math.floor(instant.getTime() / 60_000));
          expect(fromWallMinutes(wallMinutes(x))).toBe(x);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
