import { differenceInCalendarDays } from 'date-fns';
import { failure, type FieldIssue } from '../../../shared/contract';
import { addDaysTo, parseDate, weekDates, weekStartOf } from '../../../shared/domain/time';
import {
  cellsBetween,
  entriesOnDate,
  setCell,
  staffOnTeamWeek,
} from '../../../db/queries/org/schedule';
import { listShiftTypes } from '../../../db/queries/org/shift-types';
import { findTeam } from '../../../db/queries/org/teams';
import type { Handler, HandlerContext } from '../context';
import { assertMonthsOpen, reclassifyRecords } from '../attendance/records';

function mustBeMonday(date: string, field: string) {
  if (weekStartOf(date) !== date) {
    throw failure('invalid_input', `${field} must be a Monday`, {
      field,
      key: 'validation.monday',
      issues: [{ field, key: 'validation.monday' }],
    });
  }
}

async function mustFindTeam(ctx: HandlerContext, teamId: number) {
  if (!(await findTeam(ctx.db, teamId))) {
    throw failure('not_found', `team ${teamId} not found`, { field: 'teamId' });
  }
}

const minDate = (cells: { date: string }[]) =>
  cells.reduce((m, c) => (c.date < m ? c.date : m), cells[0]!.date);
const maxDate = (cells: { date: string }[]) =>
  cells.reduce((m, c) => (c.date > m ? c.date : m), cells[0]!.date);

export const scheduleWeek: Handler<'org.schedule.week'> = async (ctx, { teamId, weekStart }) => {
  mustBeMonday(weekStart, 'weekStart');
  await mustFindTeam(ctx, teamId);
  const dates = weekDates(weekStart);
  const staff = await staffOnTeamWeek(ctx.db, teamId, weekStart);
  const cells = await cellsBetween(
    ctx.db,
    staff.map((s) => s.id),
    dates[0]!,
    dates[6]!,
  );
  return { teamId, weekStart, dates, staff, cells };
};

export const scheduleAssign: Handler<'org.schedule.assign'> = async (ctx, { cells }) => {
  const shiftTypes = new Map((await listShiftTypes(ctx.db)).map((s) => [s.id, s]));
  const staffIds = [...new Set(cells.map((c) => c.staffId))];
  const staff = new Map(
    (
      await ctx.db
        .selectFrom('staff')
        .select(['id', 'left_on'])
        .where('id', 'in', staffIds)
        .execute()
    ).map((s) => [s.id, s]),
  );
  const issues: FieldIssue[] = [];
  cells.forEach((cell, i) => {
    const person = staff.get(cell.staffId);
    if (!person) issues.push({ field: `cells.${i}.staffId`, key: 'errors.not_found' });
    else if (person.left_on !== null && cell.date > person.left_on && cell.value !== null) {
      issues.push({ field: `cells.${i}.date`, key: 'errors.scheduleAfterLeft' });
    }
    if (typeof cell.value === 'number' && !shiftTypes.get(cell.value)?.active) {
      issues.push({ field: `cells.${i}.value`, key: 'errors.unknownShiftType' });
    }
  });
  if (issues.length > 0) {
    throw failure('invalid_input', 'some schedule cells are invalid', { ...issues[0], issues });
  }
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
  // Attendance already recorded on a changed cell is judged against its new shift.
  await reclassifyRecords(ctx, changes);
  if (changes.length > 0) {
    await ctx.audit({
      action: 'update',
      entity: 'schedule',
      before: {
        cells: changes.map(({ staffId, date, before }) => ({ staffId, date, value: before })),
      },
      after: { cells: changes.map(({ staffId, date, value }) => ({ staffId, date, value })) },
    });
  }
  return { changed: changes.length };
};

/** Copies a team's week onto another week: each target cell becomes what the source day held. */
export const scheduleCopyWeek: Handler<'org.schedule.copyWeek'> = async (ctx, input) => {
  mustBeMonday(input.fromWeekStart, 'fromWeekStart');
  mustBeMonday(input.toWeekStart, 'toWeekStart');
  if (input.fromWeekStart === input.toWeekStart) {
    throw failure('invalid_input', 'source and target week are the same', {
      field: 'toWeekStart',
      key: 'errors.sameWeek',
    });
  }
  await mustFindTeam(ctx, input.teamId);
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
  await ctx.audit({
    action: 'copy',
    entity: 'schedule',
    entityId: input.teamId,
    after: { ...input, copied },
  });
  return { copied };
};

export const scheduleDay: Handler<'org.schedule.day'> = async (ctx, { date }) => {
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
};
