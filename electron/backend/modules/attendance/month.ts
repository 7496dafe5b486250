import { format } from 'date-fns';
import {
  failure,
  type MonthGrid,
  type MonthSummary,
  type ParsedInput,
  type SummaryFigures,
} from '../../../../shared/contract';
import { monthDates } from '../../../../shared/domain/time';
import { monthFigures } from '../../../../db/queries/attendance/figures';
import { listLeaveTypes } from '../../../../db/queries/attendance/leave-types';
import { closeMonth, findClosedMonth, reopenMonth } from '../../../../db/queries/attendance/months';
import { recordsBetween } from '../../../../db/queries/attendance/records';
import { scheduleCells } from '../../../../db/queries/attendance/schedule';
import { staffOfMonth } from '../../../../db/queries/org/staff';
import type { HandlerContext, PrepareContext } from '../../core/context';
import { shiftTypesById } from '../org/shift-types';
import { mustFindTeam, UNKNOWN_TEAM } from '../org/teams';
import { moduleText } from '../../files/export-text';
import { attendanceCsv, attendanceFileName, attendanceXlsx } from './export';

export const monthRange = (month: string) => {
  const dates = monthDates(month);
  return { from: dates[0]!, to: dates.at(-1)!, dates };
};

const ZERO: Omit<SummaryFigures, 'leave' | 'attendanceRate'> = {
  scheduled: 0,
  worked: 0,
  lateCount: 0,
  lateMinutes: 0,
  earlyCount: 0,
  earlyMinutes: 0,
  missingPunchCount: 0,
  absenceDays: 0,
  lateAbsenceDays: 0,
  overtimeHours: 0,
  unrecorded: 0,
};

/**
 * 出勤率: shifts worked ÷ shifts scheduled, where a late arrival counted as half a day's absence
 * is half a shift worked, so the rate and the absence days tell the same story.
 */
const rate = (f: Pick<SummaryFigures, 'worked' | 'lateAbsenceDays' | 'scheduled'>) =>
  f.scheduled > 0
    ? Math.round((Math.max(0, f.worked - f.lateAbsenceDays) / f.scheduled) * 10000) / 10000
    : null;

/** The wall-clock time a month in progress is counted to; null once the month is over. */
export function countedThrough(month: string, now: string): string | null {
  const wall = format(new Date(now), 'yyyy-MM-dd HH:mm');
  return wall < `${monthRange(month).to} 24:00` ? wall : null;
}

/** Adds people's figures into a team's: the same numbers, summed, and the rate recomputed. */
function sumFigures(rows: SummaryFigures[]): SummaryFigures {
  const total = { ...ZERO, leave: {} as Record<string, number> };
  for (const row of rows) {
    for (const key of Object.keys(ZERO) as (keyof typeof ZERO)[]) total[key] += row[key];
    for (const [type, n] of Object.entries(row.leave))
      total.leave[type] = (total.leave[type] ?? 0) + n;
  }
  total.overtimeHours = Math.round(total.overtimeHours * 100) / 100;
  total.lateAbsenceDays = Math.round(total.lateAbsenceDays * 100) / 100;
  total.absenceDays = Math.round(total.absenceDays * 100) / 100;
  return { ...total, attendanceRate: rate(total) };
}

/** The month's summary per person and per team (月报), as the screen and the files show it. */
export async function buildMonthSummary(
  ctx: HandlerContext,
  month: string,
  teamId?: number | null,
): Promise<MonthSummary> {
  const { from, to } = monthRange(month);
  const through = countedThrough(month, ctx.now);
  const figures = await monthFigures(ctx.db, from, to, teamId, through);
  const people = figures.map(({ overtimeMinutes, ...p }) => ({
    ...p,
    overtimeHours: Math.round((overtimeMinutes / 60) * 100) / 100,
    attendanceRate: rate(p),
  }));
  const teamIds = [...new Set(people.map((p) => p.teamId))];
  const teams = teamIds.map((id) => {
    const members = people.filter((p) => p.teamId === id);
    return { teamId: id, teamName: members[0]?.teamName ?? null, ...sumFigures(members) };
  });
  const closed = await findClosedMonth(ctx.db, month);
  return {
    month,
    through,
    closed: !!closed,
    closedAt: closed?.closedAt ?? null,
    closedBy: closed?.closedBy ?? null,
    people,
    teams,
  };
}

/** A month's grid: who belongs to it, what was scheduled, what was recorded. */
export async function monthGrid(
  ctx: HandlerContext,
  input: ParsedInput<'attendance.month'>,
): Promise<MonthGrid> {
  const { from, to, dates } = monthRange(input.month);
  const people = await staffOfMonth(ctx.db, from, input);
  const ids = people.map((p) => p.id);
  return {
    month: input.month,
    dates,
    closed: !!(await findClosedMonth(ctx.db, input.month)),
    people,
    scheduled: await scheduleCells(ctx.db, ids, from, to),
    records: await recordsBetween(ctx.db, from, to, { staffIds: ids }),
  };
}

const alreadyClosed = (month: string) =>
  failure('conflict', `${month} is already closed`, {
    key: 'errors.monthAlreadyClosed',
    params: { month },
  });

/**
 * Before a close, outside its transaction: refuses a month already closed, then takes the
 * pre-close backup, so a month closed by mistake can be put back as it was. Answers its name.
 */
export async function backupBeforeClose(ctx: PrepareContext, month: string) {
  if (await ctx.read((db) => findClosedMonth(db, month))) throw alreadyClosed(month);
  return (await ctx.data.backup('pre-close')).name;
}

/** HR closes the month (月结): its records and schedule lock. Returns who closed it. */
export async function closeAttendanceMonth(ctx: HandlerContext, month: string) {
  if (await findClosedMonth(ctx.db, month)) throw alreadyClosed(month);
  const by = ctx.session?.displayName ?? 'local';
  await closeMonth(ctx.db, month, by, ctx.now);
  return by;
}

/** Reopening takes a reason (the handler audits it). Returns the close it undid. */
export async function reopenAttendanceMonth(ctx: HandlerContext, month: string) {
  const closed = await findClosedMonth(ctx.db, month);
  if (!closed) {
    throw failure('conflict', `${month} is not closed`, {
      key: 'errors.monthNotClosed',
      params: { month },
    });
  }
  await reopenMonth(ctx.db, month);
  return closed;
}

/** The month report or detail list as a file, with the figures the screen shows. */
export async function exportMonth(ctx: HandlerContext, input: ParsedInput<'attendance.export'>) {
  const team = input.teamId ? await mustFindTeam(ctx, input.teamId, UNKNOWN_TEAM) : null;
  const summary = await buildMonthSummary(ctx, input.month, input.teamId);
  const { from, to } = monthRange(input.month);
  const people = new Map(summary.people.map((p) => [p.staffId, p]));
  const details =
    input.kind === 'detail'
      ? (await recordsBetween(ctx.db, from, to, { staffIds: [...people.keys()] })).map((record) => {
          const p = people.get(record.staffId)!;
          return { record, employeeNo: p.employeeNo, name: p.name, teamName: p.teamName };
        })
      : []; // the export orders its rows itself
  const data = {
    month: input.month,
    teamName: team?.name ?? null,
    summary,
    details,
    leaveTypes: await listLeaveTypes(ctx.db),
    shiftTypes: [...(await shiftTypesById(ctx)).values()],
  };
  const text = moduleText(input.language, 'attendance');
  const content =
    input.format === 'xlsx'
      ? await attendanceXlsx(text, input.kind, data)
      : attendanceCsv(text, input.kind, data);
  return {
    file: {
      fileName: attendanceFileName(text, input.kind, input.format, input.month, data.teamName),
      contentBase64: content.toString('base64'),
    },
    people: summary.people.length,
    records: details.length,
  };
}
