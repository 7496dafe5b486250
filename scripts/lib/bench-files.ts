import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { plannedTimes } from '../../shared/domain/attendance';
import { fromWallMinutes, monthDates, wallMinutes } from '../../shared/domain/time';

/** The files `npm run bench` imports, built from the bench's own center so every row is valid. */

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const csvFile = (lines: string[]) =>
  Buffer.concat([BOM, Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);

/**
 * A month's ACD export: one row per scheduled shift with its login and logout, as a clock or an
 * ACD gives them: most on time, some a few minutes late, some leaving early.
 */
export async function clockMonthCsv(db: Kysely<DB>, month: string) {
  const dates = monthDates(month);
  const rows = await db
    .selectFrom('schedule_entries as e')
    .innerJoin('staff as s', 's.id', 'e.staff_id')
    .innerJoin('shift_types as t', 't.id', 'e.shift_type_id')
    .select([
      's.employee_no as employeeNo',
      'e.work_date as date',
      't.start_time as startTime',
      't.end_time as endTime',
    ])
    .where('e.work_date', '>=', dates[0]!)
    .where('e.work_date', '<=', dates.at(-1)!)
    .where('s.status', '!=', 'left')
    .orderBy('e.work_date')
    .orderBy('s.employee_no')
    .execute();
  const lines = ['工号,上班时间,下班时间'];
  rows.forEach((r, i) => {
    const planned = plannedTimes(r.date, r);
    // Deterministic spread: every 17th row late, every 23rd leaves early.
    const late = i % 17 === 0 ? 12 : -(i % 9);
    const early = i % 23 === 0 ? 20 : -(i % 7);
    lines.push(
      [
        r.employeeNo,
        fromWallMinutes(wallMinutes(planned.start) + late),
        fromWallMinutes(wallMinutes(planned.end) - early),
      ].join(','),
    );
  });
  return { file: csvFile(lines), rows: rows.length, punches: rows.length * 2 };
}

/** The people of a bench roster: `count` new employee numbers starting with `prefix`. */
export function rosterPeople(count: number, teamNames: string[], prefix = 'RB') {
  return Array.from({ length: count }, (_, i) => ({
    employeeNo: `${prefix}${i + 1}`,
    name: `新员工${i + 1}`,
    team: teamNames[i % teamNames.length]!,
    position: i % 20 === 0 ? '班长' : '座席代表',
    seat: `R-${i + 1}`,
    extension: String(60000 + i),
    phone: `139${String(10000000 + i)}`,
    hireDate: `2026/${(i % 12) + 1}/${(i % 28) + 1}`,
  }));
}

/** A roster file of those people, spread over the center's teams. */
export function rosterCsv(count: number, teamNames: string[], prefix = 'RB') {
  const lines = ['工号,姓名,班组,岗位,座席号,分机,手机,入职日期'];
  for (const p of rosterPeople(count, teamNames, prefix)) {
    lines.push(
      [p.employeeNo, p.name, p.team, p.position, p.seat, p.extension, p.phone, p.hireDate].join(
        ',',
      ),
    );
  }
  return csvFile(lines);
}
