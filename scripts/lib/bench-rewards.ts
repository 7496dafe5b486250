import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import { random } from '../../db/demo';
import type { DB } from '../../db/schema';
import {
  dueExpiries,
  expiryDate,
  grantEvent,
  revokeEvent,
  type LedgerEvent,
} from '../../shared/domain/rewards';
import { addDaysTo } from '../../shared/domain/time';

/**
 * The bench's 奖惩 history: three years of what a large floor's managers decide, about as many
 * records a person and month employed as a strict center files (≈ 3), in the demo's mix (db/demo-rewards.ts)
 * with bonuses and pay deductions besides: most approved, some rejected, a few revoked ten days
 * later, the last days' still waiting. Each record goes the backend's way — inserted proposed, its
 * decision recorded while it is, then approved (or rejected, or revoked) with its grant, expiry and
 * revocation events as the domain writes them (`grantEvent`, `dueExpiries`), so the file's
 * triggers check every row — but in multi-row statements, so 50,000 records take seconds.
 */
const EVENTS = [
  { reason: 'praise_letter', type: 'commendation', odds: 0.72, say: '客户来电表扬：一次解决' },
  { reason: 'zero_complaints', type: 'bonus', odds: 0.44, say: '当月零投诉，质检平均 96 分' },
  { reason: 'late', type: 'verbal_warning', odds: 0.65, say: '本月迟到 3 次，累计 41 分钟' },
  { reason: 'qa_failed', type: 'verbal_warning', odds: 0.5, say: '质检抽检 78 分' },
  { reason: 'qa_failed', type: 'deduction', odds: 0.3, say: '质检连续两次不合格，扣款' },
  { reason: 'valid_complaint', type: 'written_warning', odds: 0.36, say: '有效投诉' },
  { reason: 'forbidden_words', type: 'written_warning', odds: 0.17, say: '通话中使用服务禁语' },
  { reason: 'valid_complaint', type: 'public_criticism', odds: 0.07, say: '有效投诉，通报批评' },
] as const;

const CHUNK = 300;
async function inChunks<T>(rows: readonly T[], run: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await run(rows.slice(i, i + CHUNK));
}

export async function loadRewardsHistory(
  db: Kysely<DB>,
  options: { today: string; days: number; seed?: number },
) {
  const rand = random(options.seed ?? 20261202);
  const at = new Date().toISOString();
  const types = new Map(
    (await db.selectFrom('rewards_types').selectAll().execute()).map((t) => [t.code, t]),
  );
  const reasons = new Map(
    (await db.selectFrom('rewards_reasons').selectAll().execute()).map((r) => [r.code, r]),
  );
  const people = await db
    .selectFrom('staff')
    .select(['id', 'hire_date as hired', 'left_on as leftOn'])
    .orderBy('id')
    .execute();
  const firstDay = addDaysTo(options.today, -options.days);
  const waitingSince = addDaysTo(options.today, -10);

  type Planned = {
    row: Insertable<DB['rewards_records']>;
    outcome: 'waiting' | 'rejected' | 'approved' | 'revoked';
  };
  const planned: Planned[] = [];
  for (const person of people) {
    for (let day = firstDay; day < options.today; day = addDaysTo(day, 30)) {
      for (const event of EVENTS) {
        if (rand() >= event.odds) continue;
        const date = addDaysTo(day, Math.floor(rand() * 30));
        if (date >= options.today || (person.hired !== null && date < person.hired)) continue;
        if (person.leftOn !== null && date > person.leftOn) continue;
        const reason = reasons.get(event.reason)!;
        const type = types.get(event.type)!;
        const roll = rand();
        planned.push({
          outcome:
            date >= waitingSince
              ? 'waiting'
              : roll < 0.08
                ? 'rejected'
                : roll < 0.09 && addDaysTo(date, 10) < options.today
                  ? 'revoked'
                  : 'approved',
          row: {
            staff_id: person.id,
            event_date: date,
            reason_id: reason.id,
            type_id: type.id,
            red_line: reason.red_line,
            description: event.say,
            points: type.default_points,
            amount_fen: type.default_amount_fen,
            external_ref: null,
            agent_explanation: null,
            context: null,
            ladder_step: type.ladder_step,
            validity_months: type.validity_months,
            state: 'proposed',
            source: 'manual',
            attendance_proposal_id: null,
            proposed_by_user_id: null,
            proposed_by: '值班主管',
            created_at: at,
            updated_at: at,
          },
        });
      }
    }
  }
  // Event order, as they were filed: ids rise with the dates.
  planned.sort((a, b) => a.row.event_date.localeCompare(b.row.event_date));

  const ids: number[] = [];
  await inChunks(planned, async (chunk) => {
    const rows = await db
      .insertInto('rewards_records')
      .values(chunk.map((p) => p.row))
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  });
  const decided = planned.flatMap((p, i) => (p.outcome === 'waiting' ? [] : [{ p, id: ids[i]! }]));
  await inChunks(decided, (chunk) =>
    db
      .insertInto('rewards_approvals')
      .values(
        chunk.map(({ p, id }) => ({
          record_id: id,
          approver_user_id: null,
          approver: '周经理',
          approver_role: 'manager',
          decision: p.outcome === 'rejected' ? ('reject' as const) : ('approve' as const),
          reason: p.outcome === 'rejected' ? '证据不足：录音未体现所述情况' : null,
          points: null,
          amount_fen: null,
          at,
        })),
      )
      .execute(),
  );

  // The decisions: state, expiry day; the revoked ones first approved, as the backend goes.
  const ledger: (LedgerEvent & { staffId: number })[] = [];
  const approvedRows: [number, string][] = [];
  const rejectedIds: number[] = [];
  const revokedRows: [number, string][] = [];
  for (const { p, id } of decided) {
    if (p.outcome === 'rejected') {
      rejectedIds.push(id);
      continue;
    }
    const date = p.row.event_date;
    const expiresOn = expiryDate(date, p.row.validity_months);
    approvedRows.push([id, expiresOn]);
    const events: LedgerEvent[] = grantEvent(id, date, p.row.points);
    const until = p.outcome === 'revoked' ? addDaysTo(date, 10) : options.today;
    events.push(...dueExpiries([{ recordId: id, expiresOn }], events, until));
    if (p.outcome === 'revoked') {
      revokedRows.push([id, until]);
      events.push(...revokeEvent(id, events, until));
    }
    ledger.push(...events.map((e) => ({ ...e, staffId: p.row.staff_id })));
  }
  await inChunks(approvedRows, (chunk) =>
    sql`update rewards_records set state = 'approved', expires_on = v.column2,
        decided_at = ${at}, decided_by = '周经理', updated_at = ${at}
      from (values ${sql.join(chunk.map(([id, e]) => sql`(${id}, ${e})`))}) as v
      where rewards_records.id = v.column1`.execute(db),
  );
  await inChunks(rejectedIds, (chunk) =>
    db
      .updateTable('rewards_records')
      .set({
        state: 'rejected',
        decision_reason: '证据不足：录音未体现所述情况',
        decided_at: at,
        decided_by: '周经理',
        updated_at: at,
      })
      .where('id', 'in', chunk)
      .execute(),
  );
  // Revoked at noon of the day, local time, as a manager's click would be.
  await inChunks(revokedRows, (chunk) =>
    sql`update rewards_records set state = 'revoked', revoked_by = '周经理',
        revoke_reason = '复核不成立', revoked_at = v.column2, updated_at = v.column2
      from (values ${sql.join(
        chunk.map(([id, day]) => sql`(${id}, ${new Date(`${day}T12:00:00`).toISOString()})`),
      )}) as v
      where rewards_records.id = v.column1`.execute(db),
  );
  await inChunks(ledger, (chunk) =>
    db
      .insertInto('rewards_ledger')
      .values(
        chunk.map((e) => ({
          record_id: e.recordId,
          staff_id: e.staffId,
          kind: e.kind,
          on_date: e.date,
          points: e.points,
          created_at: at,
        })),
      )
      .execute(),
  );
  return {
    records: planned.length,
    approved: approvedRows.length - revokedRows.length,
    revoked: revokedRows.length,
    rejected: rejectedIds.length,
    waiting: planned.length - decided.length,
    ledgerEvents: ledger.length,
  };
}

/**
 * Everyone's standing on a day by one hand-written query: the ledger summed per person, the
 * ladder records still counting gathered per person, joined to the roster. The floor
 * `rewards.standings` is measured against, and a second opinion on its figures.
 */
export async function standingsByHand(db: Kysely<DB>, asOf: string) {
  const nextDay = new Date(`${addDaysTo(asOf, 1)}T00:00:00`).toISOString();
  const { rows } = await sql<{ staffId: number; balance: number; warnings: string }>`
    with b as (select staff_id, sum(points) as balance from rewards_ledger
      where on_date <= ${asOf} group by staff_id),
    w as (select r.staff_id, json_group_array(json_object('recordId', r.id, 'typeZh', ty.name_zh,
          'typeEn', ty.name_en, 'step', r.ladder_step, 'from', r.event_date,
          'fallsOffOn', r.expires_on)
          order by instr('dismissal final written verbal', r.ladder_step), r.expires_on, r.id)
          as warnings
      from rewards_records r join rewards_types ty on ty.id = r.type_id
      where r.state in ('approved', 'revoked') and r.ladder_step <> 'none'
        and r.event_date <= ${asOf} and r.expires_on > ${asOf}
        and (r.revoked_at is null or r.revoked_at >= ${nextDay})
      group by r.staff_id)
    select s.id as "staffId", coalesce(b.balance, 0) as balance,
      coalesce(w.warnings, '[]') as warnings
    from staff s left join b on b.staff_id = s.id left join w on w.staff_id = s.id
    where (s.hire_date is null or s.hire_date <= ${asOf})
      and (s.left_on is null or s.left_on >= ${asOf})
    order by s.team_id is null, s.team_id, natural_key(s.employee_no)`.execute(db);
  return rows;
}

/**
 * The month report's per-person figures by one hand-written query: approved records of the
 * month, rewards paid and penalties deducted in fen, points by sign, counts by type.
 */
export async function monthReportByHand(db: Kysely<DB>, month: string) {
  const { rows } = await sql<{
    staffId: number;
    records: number;
    rewardFen: number;
    deductionFen: number;
    pointsGained: number;
    pointsLost: number;
    byType: string;
  }>`
    with per_type as (
      select r.staff_id, r.type_id, ty.kind, count(*) as n, sum(r.amount_fen) as fen,
        sum(max(r.points, 0)) as gained, sum(min(r.points, 0)) as lost
      from rewards_records r join rewards_types ty on ty.id = r.type_id
      where r.state = 'approved' and r.event_date between ${`${month}-01`} and ${`${month}-31`}
      group by r.staff_id, r.type_id)
    select p.staff_id as "staffId", sum(p.n) as records,
      sum(case when p.kind = 'reward' then p.fen else 0 end) as "rewardFen",
      sum(case when p.kind = 'penalty' then p.fen else 0 end) as "deductionFen",
      sum(p.gained) as "pointsGained", sum(p.lost) as "pointsLost",
      json_group_array(json_object('typeId', p.type_id, 'records', p.n) order by p.type_id) as "byType"
    from per_type p join staff s on s.id = p.staff_id
    group by p.staff_id
    order by s.team_id, natural_key(s.employee_no)`.execute(db);
  return rows;
}
