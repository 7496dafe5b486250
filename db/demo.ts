import type { Insertable, Kysely } from 'kysely';
import {
  classifyAttendance,
  DEFAULT_ATTENDANCE_RULES,
  plannedTimes,
  wantedProposals,
  type AttendanceMark,
} from '../shared/domain/attendance';
import {
  addDaysTo,
  fromWallMinutes,
  monthOf,
  wallMinutes,
  weekStartOf,
} from '../shared/domain/time';
import type { Position, StaffStatus } from '../shared/domain/org';
import { reconcileProposals } from './queries/attendance/proposals';
import { recordsBetween } from './queries/attendance/records';
import type { DB } from './schema';

/**
 * Builds a believable center: teams of Chinese-named staff on rotating early/middle/night
 * weeks with staggered rest days. Deterministic for a given seed, and sized by its options,
 * so the same loader fills the demo and the large data sets of tests and benchmarks.
 */
export interface DemoOptions {
  /** The day the demo is built around: the schedule runs from about two months before it. */
  today: string;
  teams?: number;
  staffPerTeam?: number;
  /** Days of schedule, starting on the Monday `historyWeeks` before `today`'s week. */
  days?: number;
  /** Weeks of past schedule before this week (8 by default); past shifts get attendance records. */
  historyWeeks?: number;
  /** Derive the attendance rules' penalty proposals for the past months (the demo does; benches need not). */
  proposals?: boolean;
  seed?: number;
}

export interface DemoSummary {
  teams: number;
  staff: number;
  scheduleDays: number;
  attendanceRecords: number;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文';
const GIVEN =
  '伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华玉萍红琴梅兰晨宇浩然子涵欣怡佳琪思雨梓萱雅婷嘉豪俊杰文博一鸣晓燕海燕春梅雪丹慧颖婉清悦蕾';
const TEAM_NAMES = ['客服一组', '客服二组', '客服三组', '投诉专席组', '售后服务组', 'VIP 服务组'];

/** A seeded generator (mulberry32), so a demo built twice is the same demo. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    // mulberry32: tiny, fast and good enough for fake names.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Multi-row inserts in chunks that stay under SQLite's bound-parameter limit. */
async function insertInChunks<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: Insertable<DB[T]>[],
) {
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 400) as never)
      .execute();
  }
}

export async function loadDemo(db: Kysely<DB>, options: DemoOptions): Promise<DemoSummary> {
  const teamCount = options.teams ?? 3;
  const perTeam = options.staffPerTeam ?? 15;
  const days = options.days ?? 91;
  const rand = random(options.seed ?? 20261122);
  const pick = (chars: string) => chars[Math.floor(rand() * chars.length)]!;
  const at = new Date().toISOString();
  const firstDay = addDaysTo(weekStartOf(options.today), -7 * (options.historyWeeks ?? 8));

  const shiftTypes = await db
    .selectFrom('shift_types')
    .select([
      'id',
      'code',
      'start_time as startTime',
      'end_time as endTime',
      'late_grace_minutes as lateGraceMinutes',
      'early_leave_grace_minutes as earlyLeaveGraceMinutes',
    ])
    .execute();
  const shiftIds = new Map(shiftTypes.map((s) => [s.code, s.id]));
  const shiftById = new Map(shiftTypes.map((s) => [s.id, s]));
  const leaveTypeIds = (await db.selectFrom('leave_types').select('id').execute()).map((l) => l.id);
  const rotation = ['E', 'M', 'N'].map((code) => shiftIds.get(code) ?? null);

  const usedNames = new Set<string>();
  const uniqueName = () => {
    for (;;) {
      const name = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
      if (!usedNames.has(name) || usedNames.size > 50_000) {
        usedNames.add(name);
        return name;
      }
    }
  };

  let employee = 1000;
  const schedule: Insertable<DB['schedule_entries']>[] = [];
  for (let t = 0; t < teamCount; t++) {
    const teamName = TEAM_NAMES[t] ?? `客服${t + 1}组`;
    const { id: teamId } = await db
      .insertInto('teams')
      .values({
        name: teamName,
        description: null,
        lead_staff_id: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const staffRows = Array.from({ length: perTeam }, (_, i) => {
      employee++;
      const position: Position =
        i === 0 ? 'team_lead' : i === 1 ? 'qa' : i === 2 && t === 0 ? 'trainer' : 'agent';
      // A few real-life cases: one person on long leave, one who left last month.
      const left = i === perTeam - 1 && t === 1;
      const hired = addDaysTo(options.today, -Math.floor(90 + rand() * 1500));
      const status: StaffStatus = left
        ? 'left'
        : i === perTeam - 2 && t === 0
          ? 'on_leave'
          : 'active';
      return {
        employee_no: `KF${employee}`,
        name: uniqueName(),
        team_id: teamId,
        position,
        seat: `${String.fromCharCode(65 + t)}-${String(i + 1).padStart(2, '0')}`,
        extension: String(8000 + employee - 1000),
        phone: `13${Math.floor(100000000 + rand() * 899999999)}`,
        hire_date: hired,
        status,
        left_on: left ? addDaysTo(options.today, -30) : null,
        left_reason: left ? '个人原因离职' : null,
        created_at: at,
        updated_at: at,
      };
    });
    await insertInChunks(db, 'staff', staffRows);
    const members = await db
      .selectFrom('staff')
      .select(['id', 'position', 'left_on'])
      .where('team_id', '=', teamId)
      .orderBy('id')
      .execute();
    const lead = members.find((m) => m.position === 'team_lead');
    await db
      .updateTable('teams')
      .set({ lead_staff_id: lead?.id ?? null })
      .where('id', '=', teamId)
      .execute();

    // Teams rotate weekly through early, middle and night; each person rests two staggered days a week.
    members.forEach((member, index) => {
      for (let d = 0; d < days; d++) {
        const date = addDaysTo(firstDay, d);
        if (member.left_on !== null && date > member.left_on) break;
        const week = Math.floor(d / 7);
        const restStart = index % 7;
        const resting = d % 7 === restStart || d % 7 === (restStart + 1) % 7;
        schedule.push({
          staff_id: member.id,
          work_date: date,
          shift_type_id: resting ? null : rotation[(week + t) % 3],
          updated_at: at,
        });
      }
    });
  }
  await insertInChunks(db, 'schedule_entries', schedule);

  // What happened on the shifts already worked: mostly on time, some late, a little of the rest.
  const attendance: Insertable<DB['attendance_records']>[] = [];
  for (const entry of schedule) {
    if (entry.work_date >= options.today || entry.shift_type_id == null) continue;
    const shift = shiftById.get(entry.shift_type_id)!;
    const planned = plannedTimes(entry.work_date, shift);
    const start = wallMinutes(planned.start);
    const end = wallMinutes(planned.end);
    const roll = rand();
    let mark: AttendanceMark | null = null;
    let clockIn: string | null = fromWallMinutes(start - 3 - Math.floor(rand() * 12));
    let clockOut: string | null = fromWallMinutes(end + Math.floor(rand() * 10));
    if (roll < 0.06) clockIn = fromWallMinutes(start + 6 + Math.floor(rand() * 40));
    else if (roll < 0.08) clockOut = fromWallMinutes(end - 10 - Math.floor(rand() * 60));
    else if (roll < 0.09) mark = 'absent';
    else if (roll < 0.115) mark = 'leave';
    else if (roll < 0.12) mark = 'business_trip';
    if (mark) clockIn = clockOut = null;
    const figures = classifyAttendance(
      { date: entry.work_date, shift, clockIn, clockOut, mark },
      DEFAULT_ATTENDANCE_RULES,
    );
    attendance.push({
      staff_id: entry.staff_id,
      work_date: entry.work_date,
      shift_type_id: shift.id,
      planned_start: planned.start,
      planned_end: planned.end,
      clock_in: clockIn,
      clock_out: clockOut,
      mark,
      leave_type_id:
        mark === 'leave'
          ? leaveTypeIds[Math.floor(rand() * Math.min(4, leaveTypeIds.length))]!
          : null,
      status: figures.status,
      late_minutes: figures.lateMinutes,
      early_minutes: figures.earlyMinutes,
      overtime_minutes: figures.overtimeMinutes,
      absence_days: figures.absenceDays,
      remark: null,
      source: 'import',
      recorded_by: '演示数据',
      created_at: at,
      updated_at: at,
    });
  }
  await insertInChunks(db, 'attendance_records', attendance);

  if (options.proposals ?? true) {
    const lastPast = addDaysTo(options.today, -1);
    const staffIds = [...new Set(attendance.map((a) => a.staff_id))];
    for (
      let month = monthOf(firstDay);
      month <= monthOf(lastPast);
      month = monthOf(addDaysTo(`${month}-28`, 7))
    ) {
      const records = await recordsBetween(db, `${month}-01`, `${month}-31`, { staffIds });
      for (const staffId of staffIds) {
        const own = records.filter((r) => r.staffId === staffId);
        const wanted = wantedProposals(staffId, month, own, DEFAULT_ATTENDANCE_RULES);
        if (wanted.length) await reconcileProposals(db, staffId, month, wanted, at);
      }
    }
  }
  return {
    teams: teamCount,
    staff: teamCount * perTeam,
    scheduleDays: days,
    attendanceRecords: attendance.length,
  };
}
