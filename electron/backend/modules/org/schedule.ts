import { differenceInCalendarDays } from 'date-fns';
import type { FieldIssue, ScheduleValue } from '../../../../shared/contract';
import { addDaysTo, parseDate, weekDates, weekStartOf } from '../../../../shared/domain/time';
import { leftDates } from '../../../../db/queries/org/staff';
import {
  cellsBetween,
  entriesOnDate,
  setCell,
  staffOnTeamWeek,
} from '../../../../db/queries/org/schedule';
import { listShiftTypes } from '../../../../db/queries/org/shift-types';
import type { HandlerContext } from '../../core/context';
import { fieldFailure, fieldFailures } from '../../core/errors';
import { assertMonthsOpen, reclassifyRecords } from '../attendance/records';
import { shiftTypesById } from './shift-types';
import { mustFindTeam } from './teams';

function mustBeMonday(date: string, field: string) {
  if (weekStartOf(date) !== date) throw fieldFailure(field, 'validation.monday');
}

const minDate = (cells: { date: string }[]) =>
  cells.reduce((m, c) => (c.date < m ? c.date : m), cells[0]!.date);
const maxDate = (cells: { date: string }[]) =>
  cells.reduce((m, c) => (c.date > m ? c.date : m), cells[0]!.date);

/** A team's week: who is on it (not gone before it began) and every cell. */
export async function teamWeek(ctx: HandlerContext, teamId: number, weekStart: string) {
  mustBeMonday(weekStart, 'weekStart');
  await mustFindTeam(ctx, teamId, { field: 'teamId' });
  const dates = weekDates(weekStart);
  const staff = await staffOnTeamWeek(ctx.db, teamId, weekStart);
  const cells = await cellsBetween(
    ctx.db,
    staff.map((s) => s.id),
    dates[0]!,
    dates[6]!,
  );
  return { teamId, weekStart, dates, staff, cells };
}

type Cell = { staffId: number; date: string; value: ScheduleValue };

/**
 * Sets schedule cells; attendance already recorded on a changed cell is judged against its new
 * shift. Returns the cells that changed, each with its value before.
 */
export async function assignCells(ctx: HandlerContext, cells: Cell[]) {
  const shiftTypes = await shiftTypesById(ctx);
  const staffIds = [...new Set(cells.map((c) => c.staffId))];
  const leftOn = await leftDates(ctx.db, staffIds);
  const issues: FieldIssue[] = [];
  cells.forEach((cell, i) => {
    const left = leftOn.get(cell.staffId);
    if (left === undefined) issues.push({ field: `cells.${i}.staffId`, key: 'errors.not_found' });
    else if (left !== null && cell.date > left && cell.value !== null) {
      issues.push({ field: `cells.${i}.date`, key: 'errors.scheduleAfterLeft' });
    }
    if (typeof cell.value === 'number' && !shiftTypes.get(cell.value)?.active) {
      issues.push({ field: `cells.${i}.value`, key: 'errors.unknownShiftType' });
    }
  });
  if (issues.length > 0) throw fieldFailures(issues, 'some schedule cells are invalid');
  // A closed attendance month keeps its schedule too: scheduled shifts are part of its figures.
  await assertMonthsOpen(
    ctx,
    cells.map((c) => c.date),
    'cells',
  );
  const previous = new Map(
    (await cellsBetween(ctx.db, staffIds, minDate(cells), maxDate(cells))).map((c) => [
      `${c.staffId}|${c.date}`,
      c.value,
    ]),
  );
  const changes = [];
  for (const cell of cells) {
    if (await setCell(ctx.db, cell.staffId, cell.date, cell.value, ctx.now)) {
      changes.push({ ...cell, before: previous.get(`${cell.staffId}|${cell.date}`) ?? null });
    }
  }
  await reclassifyRecords(ctx, changes);
  return changes;
}

/** Copies a team's week onto another week: each target cell becomes what the source day held. */
export async function copyWeek(
  ctx: HandlerContext,
  input: { teamId: number; fromWeekStart: string; toWeekStart: string },
) {
  mustBeMonday(input.fromWeekStart, 'fromWeekStart');
  mustBeMonday(input.toWeekStart, 'toWeekStart');
  if (input.fromWeekStart === input.toWeekStart) {
    throw fieldFailure('toWeekStart', 'errors.sameWeek');
  }
  await mustFindTeam(ctx, input.teamId, { field: 'teamId' });
  await assertMonthsOpen(ctx, weekDates(input.toWeekStart), 'toWeekStart');
  const offset = differenceInCalendarDays(
    parseDate(input.toWeekStart),
    parseDate(input.fromWeekStart),
  );
  const staff = await staffOnTeamWeek(ctx.db, input.teamId, input.toWeekStart);
  const source = await cellsBetween(
    ctx.db,
    staff.map((s) => s.id),
    input.fromWeekStart,
    addDaysTo(input.fromWeekStart, 6),
  );
  const sourceValue = new Map(source.map((c) => [`${c.staffId}|${c.date}`, c.value]));
  let copied = 0;
  const changed: { staffId: number; date: string }[] = [];
  for (const person of staff) {
    for (const date of weekDates(input.fromWeekStart)) {
      const target = addDaysTo(date, offset);
      if (person.leftOn !== null && target > person.leftOn) continue;
      const value = sourceValue.get(`${person.id}|${date}`) ?? null;
      if (await setCell(ctx.db, person.id, target, value, ctx.now)) {
        changed.push({ staffId: person.id, date: target });
      }
      if (value !== null) copied++;
    }
  }
  await reclassifyRecords(ctx, changed);
  return copied;
}

/** Who works which shift on one date, across teams, and how many rest. */
export async function scheduleOfDay(ctx: HandlerContext, date: string) {
  const entries = await entriesOnDate(ctx.db, date);
  const shifts = (await listShiftTypes(ctx.db)).map((shift) => ({
    shiftTypeId: shift.id,
    staff: entries
      .filter((e) => e.shiftTypeId === shift.id)
      .map(({ id, name, employeeNo, teamName }) => ({ id, name, employeeNo, teamName })),
  }));
  return {
    date,
    shifts: shifts.filter((s) => s.staff.length > 0),
    resting: entries.filter((e) => e.shiftTypeId === null).length,
  };
}
