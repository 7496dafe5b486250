import { shiftWindowMinutes, wallMinutes, type ShiftHours } from '../time';

/**
 * Attendance (考勤): how one shift instance's record is classified. One pure function decides the
 * status and minutes from the shift, the clock times and an explicit mark, so the roll-call, the
 * corrections, the clock import and the demo loader all agree.
 */
export const ATTENDANCE_STATUSES = [
  'present',
  'late',
  'early_leave',
  'late_early',
  'absent',
  'leave',
  'business_trip',
  'rest_day_worked',
  'missing_punch',
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Statuses that count as having worked the shift (出勤). */
export const WORKED_STATUSES: readonly AttendanceStatus[] = [
  'present',
  'late',
  'early_leave',
  'late_early',
  'business_trip',
  // 缺卡: one punch shows the person came; the record still wants the other punch (补卡).
  'missing_punch',
];

/** What a lead states outright, overriding clock times: 旷工, on leave, on a business trip. */
export const ATTENDANCE_MARKS = ['absent', 'leave', 'business_trip'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

/** Where a record came from: the one writer of records is told by each channel that writes. */
export const ATTENDANCE_SOURCES = ['roll_call', 'import', 'correction', 'leave', 'swap'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

export interface ShiftRule extends ShiftHours {
  lateGraceMinutes: number;
  earlyLeaveGraceMinutes: number;
}

/** The center's attendance rules (settings, with defaults from the kind of policy the seeds show). */
export interface AttendanceRules {
  /** Late by more than this many minutes counts as half a day's absence; 0 turns the rule off. */
  halfDayLateMinutes: number;
  /** This many late arrivals in one calendar month propose a penalty; 0 turns the rule off. */
  lateCountForPenalty: number;
  /** Every absence without leave (旷工) proposes a penalty. */
  absenceProposesPenalty: boolean;
  /** This many missing punches (缺卡) in one calendar month propose a penalty; 0 turns the rule off. */
  missingPunchCountForPenalty: number;
}

export const DEFAULT_ATTENDANCE_RULES: AttendanceRules = {
  halfDayLateMinutes: 30,
  lateCountForPenalty: 3,
  absenceProposesPenalty: true,
  missingPunchCountForPenalty: 0,
};

export interface AttendanceFacts {
  /** The shift instance's date: the day its shift starts on, also for night shifts. */
  date: string;
  /** The scheduled shift; null on a rest day (休息) someone worked. */
  shift: ShiftRule | null;
  /** Wall-clock 'yyyy-MM-dd HH:mm', or null when not clocked. */
  clockIn: string | null;
  clockOut: string | null;
  mark: AttendanceMark | null;
  /**
   * The times are clock punches (an imported clock or ACD file), so both are expected: one alone
   * is 缺卡. A roll-call states the arrival only, and a correction states what HR decided.
   */
  fromClock?: boolean;
  /** Overtime recorded on a working day (worked beyond the shift, approved by the lead). */
  overtimeMinutes?: number;
}

export interface Classification {
  status: AttendanceStatus;
  lateMinutes: number;
  earlyMinutes: number;
  overtimeMinutes: number;
  /** Days of absence this record counts for: 1 for 旷工, 0.5 for a late arrival past the rule. */
  absenceDays: number;
}

const none = { lateMinutes: 0, earlyMinutes: 0, overtimeMinutes: 0, absenceDays: 0 };

/**
 * Classifies one record. Never throws, never returns negative minutes: odd input (a clock-out
 * before the clock-in, a clock-in after the shift ended) is clamped, and the contract refuses it
 * before it gets here anyway.
 */
export function classifyAttendance(
  facts: AttendanceFacts,
  rules: AttendanceRules = DEFAULT_ATTENDANCE_RULES,
): Classification {
  const overtime = Math.max(0, Math.round(facts.overtimeMinutes ?? 0));
  if (facts.mark === 'leave') return { ...none, status: 'leave' };
  if (facts.mark === 'business_trip') return { ...none, status: 'business_trip' };
  if (facts.mark === 'absent') return { ...none, status: 'absent', absenceDays: 1 };

  const clockIn = facts.clockIn ? wallMinutes(facts.clockIn) : null;
  const clockOut = facts.clockOut ? wallMinutes(facts.clockOut) : null;

  if (!facts.shift) {
    // A rest day worked: the time worked is overtime (加班).
    const worked = clockIn !== null && clockOut !== null ? Math.max(0, clockOut - clockIn) : 0;
    return { ...none, status: 'rest_day_worked', overtimeMinutes: worked || overtime };
  }
  if (clockIn === null && clockOut === null) return { ...none, status: 'absent', absenceDays: 1 };

  const { start, end } = shiftWindowMinutes(facts.date, facts.shift);
  const length = end - start;
  const rawLate = clockIn === null ? 0 : Math.min(length, Math.max(0, clockIn - start));
  const rawEarly =
    clockOut === null
      ? 0
      : Math.min(length, Math.max(0, end - Math.max(clockOut, clockIn ?? clockOut)));
  const lateMinutes = rawLate > facts.shift.lateGraceMinutes ? rawLate : 0;
  const earlyMinutes = rawEarly > facts.shift.earlyLeaveGraceMinutes ? rawEarly : 0;
  const missingPunch = !!facts.fromClock && (clockIn === null || clockOut === null);
  const status: AttendanceStatus = missingPunch
    ? 'missing_punch'
    : lateMinutes && earlyMinutes
      ? 'late_early'
      : lateMinutes
        ? 'late'
        : earlyMinutes
          ? 'early_leave'
          : 'present';
  const halfDay = rules.halfDayLateMinutes > 0 && lateMinutes > rules.halfDayLateMinutes;
  return {
    status,
    lateMinutes,
    earlyMinutes,
    overtimeMinutes: overtime,
    absenceDays: halfDay ? 0.5 : 0,
  };
}
