import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { DataLayer } from '../db/data-layer';
import { loadDemo } from '../db/demo';
import { createBackend, LOCAL_OPERATOR } from '../electron/backend';
import type { Channel, Input, Output } from '../shared/contract';
import { WORKED_STATUSES } from '../shared/domain/attendance';
import { addDaysTo, monthDates, monthOf } from '../shared/domain/time';

/**
 * `npm run bench`: a large center (600 staff, three years of daily schedule and attendance) built
 * with the demo loader, then the month summary for everyone through the backend handler against
 * the same figures by one hand-written SQL query on the same file, in the same run; and the XLSX
 * export of that month. Targets: handler ÷ SQL ≤ 1.5, handler < 300 ms, XLSX < 5 s.
 */
const TODAY = '2026-11-22';
const RUNS = 15;
const dir = mkdtempSync(join(tmpdir(), 'console-bench-'));
const data = await DataLayer.open(dir, { dailyBackup: false });
const backend = createBackend(data, { version: 'bench', dataDir: dir }, { log: console.error });

async function call<C extends Channel>(channel: C, input: Input<C>) {
  const result = await backend.callAs(channel, input, LOCAL_OPERATOR);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as Output<C>;
}

/** Median of RUNS timed runs, after two untimed warm-ups. */
async function median(run: () => Promise<unknown>) {
  await run();
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

try {
  console.log('Building the center: 20 teams × 30 staff, 3 years of schedule and attendance…');
  let start = performance.now();
  // One transaction, as the demo button runs it: otherwise every chunk waits for its own fsync.
  const built = await data.db.transaction().execute((db) =>
    loadDemo(db, {
      today: TODAY,
      teams: 20,
      staffPerTeam: 30,
      historyWeeks: 156,
      days: 156 * 7 + 7,
      proposals: false,
    }),
  );
  console.log(
    `  ${built.staff} staff, ${built.scheduleDays} days, ${built.attendanceRecords} attendance records in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
  await sql`analyze`.execute(data.db);

  const month = monthOf(addDaysTo(`${monthOf(TODAY)}-01`, -1)); // the last whole month
  const dates = monthDates(month);
  const [from, to] = [dates[0]!, dates.at(-1)!];

  const handlerMs = await median(() => call('attendance.summary', { month }));
  const handlerResult = await call('attendance.summary', { month });

  // The same figures, one query, written by hand: the floor the handler is measured against.
  const worked = sql.join(WORKED_STATUSES.map((s) => sql.lit(s)));
  // One query for every figure, leave included (as JSON): the floor the handler is measured against.
  const handWritten = () =>
    sql<Record<string, number | string | null>>`
      with sched as (
        select e.staff_id, count(*) as scheduled, sum(r.id is null) as unrecorded
        from schedule_entries e
        left join attendance_records r on r.staff_id = e.staff_id and r.work_date = e.work_date
        where e.work_date between ${from} and ${to} and e.shift_type_id is not null
        group by e.staff_id),
      rec as (
        select staff_id, sum(status in (${worked})) as worked, sum(late_minutes > 0) as late_count,
          sum(late_minutes) as late_minutes, sum(early_minutes > 0) as early_count,
          sum(early_minutes) as early_minutes, sum(absence_days) as absence_days,
          sum(overtime_minutes) as overtime_minutes
        from attendance_records where work_date between ${from} and ${to} group by staff_id),
      lv as (
        select staff_id, json_group_object(leave_type_id, n) as leave from (
          select staff_id, leave_type_id, count(*) as n from attendance_records
          where work_date between ${from} and ${to} and status = 'leave'
          group by staff_id, leave_type_id) group by staff_id)
      select s.id as "staffId",
        coalesce(sched.scheduled, 0) as scheduled, coalesce(rec.worked, 0) as worked,
        coalesce(rec.late_count, 0) as "lateCount", coalesce(rec.late_minutes, 0) as "lateMinutes",
        coalesce(rec.early_count, 0) as "earlyCount",
        coalesce(rec.early_minutes, 0) as "earlyMinutes",
        coalesce(rec.absence_days, 0) as "absenceDays",
        round(coalesce(rec.overtime_minutes, 0) / 60.0, 2) as "overtimeHours",
        coalesce(sched.unrecorded, 0) as unrecorded, coalesce(lv.leave, '{}') as leave,
        round(cast(rec.worked as real) / nullif(sched.scheduled, 0), 4) as "attendanceRate"
      from staff s
      left join sched on sched.staff_id = s.id
      left join rec on rec.staff_id = s.id
      left join lv on lv.staff_id = s.id
      where sched.staff_id is not null or rec.staff_id is not null`.execute(data.db);
  const sqlMs = await median(handWritten);
  const sqlRows = (await handWritten()).rows;

  // Both must say the same, figure by figure, or the comparison means nothing.
  const FIGURES = [
    'scheduled',
    'worked',
    'lateCount',
    'lateMinutes',
    'earlyCount',
    'earlyMinutes',
    'absenceDays',
    'overtimeHours',
    'unrecorded',
    'attendanceRate',
  ] as const;
  const byId = new Map(sqlRows.map((r) => [r.staffId, r]));
  const disagreements = handlerResult.people.filter((p) => {
    const r = byId.get(p.staffId);
    return (
      !r ||
      FIGURES.some((f) => r[f] !== p[f]) ||
      JSON.stringify(JSON.parse(String(r.leave))) !== JSON.stringify(p.leave)
    );
  });
  if (disagreements.length > 0 || sqlRows.length !== handlerResult.people.length) {
    throw new Error(
      `the handler and the hand-written query disagree, e.g. on ${JSON.stringify(disagreements[0])}`,
    );
  }

  start = performance.now();
  const file = await call('attendance.export', { month, kind: 'summary', format: 'xlsx' });
  const xlsxMs = performance.now() - start;
  start = performance.now();
  const detail = await call('attendance.export', { month, kind: 'detail', format: 'xlsx' });
  const detailMs = performance.now() - start;

  const ratio = handlerMs / sqlMs;
  const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES TARGET');
  console.log(`\nMonth ${month}, ${handlerResult.people.length} people (median of ${RUNS} runs):`);
  console.log(
    `  summary through the handler   ${handlerMs.toFixed(1)} ms  (${verdict(handlerMs < 300)}: < 300 ms)`,
  );
  console.log(`  same figures, hand-written SQL ${sqlMs.toFixed(1)} ms`);
  console.log(
    `  ratio handler ÷ SQL            ${ratio.toFixed(2)}  (${verdict(ratio <= 1.5)}: ≤ 1.5)`,
  );
  console.log(
    `  XLSX export, summary          ${xlsxMs.toFixed(0)} ms, ${(Buffer.from(file.contentBase64, 'base64').length / 1024).toFixed(0)} KiB  (${verdict(xlsxMs < 5000)}: < 5 s)`,
  );
  console.log(
    `  XLSX export, detail           ${detailMs.toFixed(0)} ms, ${(Buffer.from(detail.contentBase64, 'base64').length / 1024).toFixed(0)} KiB`,
  );
  process.exitCode = handlerMs < 300 && ratio <= 1.5 && xlsxMs < 5000 ? 0 : 1;
} finally {
  await data.close();
  rmSync(dir, { recursive: true, force: true });
}
