import {
  attendanceRules as rulesSchema,
  failure,
  type ShiftType,
} from '../../../../shared/contract';
import {
  classifyAttendance,
  DEFAULT_ATTENDANCE_RULES,
  plannedTimes,
  type AttendanceMark,
  type AttendanceRules,
  type AttendanceSource,
  type AttendanceStatus,
  wantedProposals,
} from '../../../../shared/domain/attendance';
import { monthDates, monthOf } from '../../../../shared/domain/time';
import { closedMonthsAmong } from '../../../../db/queries/attendance/months';
import {
  findRecord,
  recordsBetween,
  recordStatusesBetween,
  saveRecords,
} from '../../../../db/queries/attendance/records';
import { scheduleCells } from '../../../../db/queries/attendance/schedule';
import { reconcileProposals } from '../../../../db/queries/attendance/proposals';
import { getJsonSetting, putSetting } from '../../../../db/queries/settings/settings';
import type { HandlerContext } from '../../core/context';
import { shiftTypesById } from '../org/shift-types';

/**
 * The one way attendance is written: every channel that changes a record (roll-call, correction,
 * leave, swap, clock import) comes through here, so classification, the month lock, the
 * penalty proposals and the audit trail are the same for all of them.
 */
export const RULES_SETTING = 'attendance.rules';

export function readRules(ctx: Pick<HandlerContext, 'db'>): Promise<AttendanceRules> {
  return getJsonSetting(ctx.db, RULES_SETTING, rulesSchema, DEFAULT_ATTENDANCE_RULES);
}

/** New rules apply to what is recorded from now on; records keep the status they were given. */
export async function saveRules(ctx: HandlerContext, rules: AttendanceRules) {
  await putSetting(ctx.db, RULES_SETTING, JSON.stringify(rules), ctx.now);
}

/** Refuses any write that touches a closed month, naming the first one. */
export async function assertMonthsOpen(ctx: HandlerContext, dates: string[], field = 'date') {
  const [closed] = await closedMonthsAmong(ctx.db, dates.map(monthOf));
  if (closed) {
    throw failure('conflict', `attendance month ${closed} is closed`, {
      key: 'errors.monthClosed',
      field,
      params: { month: closed },
    });
  }
}

export interface RecordChange {
  staffId: number;
  date: string;
  /** The scheduled shift; null on a rest day. */
  shift: ShiftType | null;
  clockIn: string | null;
  clockOut: string | null;
  mark: AttendanceMark | null;
  leaveTypeId: number | null;
  overtimeMinutes?: number;
  remark: string | null;
  source: AttendanceSource;
}

/** How a change will be classified: the clock import's preview and the write agree. */
export function classifyChange(change: RecordChange, rules: AttendanceRules) {
  return classifyAttendance(
    {
      date: change.date,
      shift: change.shift,
      clockIn: change.clockIn,
      clockOut: change.clockOut,
      mark: change.mark,
      // Only an imported clock file is punches; both are then expected, one alone is 缺卡.
      fromClock: change.source === 'import',
      overtimeMinutes: change.overtimeMinutes,
    },
    rules,
  );
}

/**
 * Classifies and saves records, then brings the rule proposals of every person-month touched up
 * to date. Returns each record before and after, for the caller's audit entry.
 */
export async function writeRecords(ctx: HandlerContext, changes: RecordChange[]) {
  if (changes.length === 0) return [];
  const dates = changes.map((c) => c.date).sort();
  const staffIds = [...new Set(changes.map((c) => c.staffId))];
  const key = (r: { staffId: number; date: string }) => `${r.staffId}|${r.date}`;
  // Read before and after in one query each: a roll-call writes a whole shift at once.
  const recordsOf = async () =>
    new Map(
      (await recordsBetween(ctx.db, dates[0]!, dates.at(-1)!, { staffIds })).map((r) => [
        key(r),
        r,
      ]),
    );
  const before = await recordsOf();
  await saveRecordChanges(ctx, changes);
  const after = await recordsOf();
  return changes.map((c) => ({ before: before.get(key(c)), after: after.get(key(c))! }));
}

/**
 * writeRecords without the records read back: for a clock import, which writes a month at once
 * and audits one summary entry.
 */
export async function saveRecordChanges(ctx: HandlerContext, changes: RecordChange[]) {
  if (changes.length === 0) return;
  // Callers check first to name their own field; this is the guarantee.
  await assertMonthsOpen(
    ctx,
    changes.map((c) => c.date),
  );
  const rules = await readRules(ctx);
  const recordedBy = ctx.session?.displayName ?? 'local';
  await saveRecords(
    ctx.db,
    changes.map((change) => {
      const figures = classifyChange(change, rules);
      const planned = change.shift ? plannedTimes(change.date, change.shift) : null;
      return {
        staffId: change.staffId,
        date: change.date,
        shiftTypeId: change.shift?.id ?? null,
        plannedStart: planned?.start ?? null,
        plannedEnd: planned?.end ?? null,
        clockIn: change.mark ? null : change.clockIn,
        clockOut: change.mark ? null : change.clockOut,
        mark: change.mark,
        leaveTypeId: change.mark === 'leave' ? change.leaveTypeId : null,
        ...figures,
        remark: change.remark,
        source: change.source,
        recordedBy,
      };
    }),
    ctx.now,
  );
  await proposePenalties(ctx, changes, rules);
}

/** Brings the rule proposals of every person-month the changes touched up to date. */
async function proposePenalties(
  ctx: HandlerContext,
  changes: { staffId: number; date: string }[],
  rules: AttendanceRules,
) {
  const months = new Map<string, Set<number>>();
  for (const c of changes) {
    const month = monthOf(c.date);
    months.set(month, (months.get(month) ?? new Set()).add(c.staffId));
  }
  for (const [month, people] of months) {
    const dates = monthDates(month);
    const byPerson = new Map<
      number,
      { id: number; status: AttendanceStatus; lateMinutes: number }[]
    >();
    for (const r of await recordStatusesBetween(ctx.db, dates[0]!, dates.at(-1)!, [...people])) {
      const own = byPerson.get(r.staffId);
      if (own) own.push(r);
      else byPerson.set(r.staffId, [r]);
    }
    for (const staffId of people) {
      const own = byPerson.get(staffId) ?? [];
      await reconcileProposals(
        ctx.db,
        staffId,
        month,
        wantedProposals(staffId, month, own, rules),
        ctx.now,
      );
    }
  }
}

/**
 * Classifies again the records already made on cells whose schedule just changed (a swap, an
 * edited or copied week): each now belongs to the cell's new shift, or to a rest day.
 */
export async function reclassifyRecords(
  ctx: HandlerContext,
  cells: { staffId: number; date: string }[],
  source?: AttendanceSource,
) {
  const shifts = await shiftTypesById(ctx);
  const changes: RecordChange[] = [];
  for (const { staffId, date } of cells) {
    const record = await findRecord(ctx.db, staffId, date);
    if (!record) continue;
    const [cell] = await scheduleCells(ctx.db, [staffId], date, date);
    const shift = cell?.shiftTypeId != null ? (shifts.get(cell.shiftTypeId) ?? null) : null;
    if ((shift?.id ?? null) === record.shiftTypeId) continue;
    changes.push({ ...record, shift, source: source ?? record.source });
  }
  return writeRecords(ctx, changes);
}
