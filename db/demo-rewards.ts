import type { Kysely } from 'kysely';
import { dueExpiries, expiryDate, grantEvent, type LedgerEvent } from '../shared/domain/rewards';
import { addDaysTo } from '../shared/domain/time';
import {
  appendLedger,
  insertDecision,
  insertRecord,
  ledgerEvents,
  updateRecord,
} from './queries/rewards/records';
import { random } from './demo';
import type { DB } from './schema';

/**
 * The demo's 奖惩 history: three months of what a floor's managers decide — praise letters and
 * zero-complaint months, lateness and failed quality checks, a few valid complaints; most
 * approved, some rejected, the last days' still waiting, old verbal warnings already expired,
 * and one red line (与客户发生争执) with its first of two approvals. Written through the same
 * queries as the service (insert proposed, then decide), so the file's triggers check it too.
 */
export interface RewardsDemoOptions {
  today: string;
  /** Days of history before today: a little over three months by default, so that the oldest
   * verbal warnings (valid three months) have expired. */
  days?: number;
  seed?: number;
}

const MANAGER = { approver: '周经理', role: 'manager' } as const;

/** What happens to people, with how often (per person and month) and the words a lead writes. */
const EVENTS = [
  {
    reason: 'praise_letter',
    type: 'commendation',
    odds: 0.12,
    say: '客户来电表扬：耐心解答宽带报障，一次解决',
  },
  {
    reason: 'zero_complaints',
    type: 'commendation',
    odds: 0.08,
    say: '当月零投诉，质检平均 96 分',
  },
  { reason: 'late', type: 'verbal_warning', odds: 0.06, say: '本月迟到 3 次，累计 41 分钟' },
  {
    reason: 'qa_failed',
    type: 'verbal_warning',
    odds: 0.05,
    say: '质检抽检 78 分：未按规范核实客户身份',
    ref: 'QA',
  },
  {
    reason: 'valid_complaint',
    type: 'written_warning',
    odds: 0.025,
    say: '客户投诉服务态度生硬，经核实为有效投诉',
    ref: 'TS',
  },
  {
    reason: 'forbidden_words',
    type: 'written_warning',
    odds: 0.015,
    say: '通话中使用服务禁语“这个我也没办法”',
    ref: 'QA',
  },
] as const;

export async function loadRewardsDemo(db: Kysely<DB>, options: RewardsDemoOptions) {
  const rand = random(options.seed ?? 20261202);
  const at = new Date().toISOString();
  const types = new Map(
    (await db.selectFrom('rewards_types').selectAll().execute()).map((t) => [t.code, t]),
  );
  const reasons = new Map(
    (await db.selectFrom('rewards_reasons').selectAll().execute()).map((r) => [r.code, r]),
  );
  const people = await db
    .selectFrom('staff as s')
    .leftJoin('teams as t', 't.id', 's.team_id')
    .leftJoin('staff as lead', 'lead.id', 't.lead_staff_id')
    .select(['s.id', 's.hire_date as hired', 's.left_on as leftOn', 'lead.name as leadName'])
    .orderBy('s.id')
    .execute();
  const firstDay = addDaysTo(options.today, -(options.days ?? 100));
  const waitingSince = addDaysTo(options.today, -10);
  let count = 0;

  const propose = async (
    staffId: number,
    date: string,
    reasonCode: string,
    typeCode: string,
    description: string,
    proposedBy: string,
    extra: { externalRef?: string; agentExplanation?: string; context?: string } = {},
  ) => {
    const reason = reasons.get(reasonCode)!;
    const type = types.get(typeCode)!;
    count++;
    const id = await insertRecord(
      db,
      {
        staff_id: staffId,
        event_date: date,
        reason_id: reason.id,
        type_id: type.id,
        red_line: reason.red_line,
        description,
        points: type.default_points,
        amount_fen: type.default_amount_fen,
        external_ref: extra.externalRef ?? null,
        agent_explanation: extra.agentExplanation ?? null,
        context: extra.context ?? null,
        ladder_step: type.ladder_step,
        validity_months: type.validity_months,
        source: 'manual',
        attendance_proposal_id: null,
        proposed_by_user_id: null,
        proposed_by: proposedBy,
      },
      at,
    );
    return { id, type };
  };
  const decide = (recordId: number, decision: 'approve' | 'reject', reason: string | null) =>
    insertDecision(db, {
      recordId,
      userId: null,
      ...MANAGER,
      decision,
      reason,
      points: null,
      amountFen: null,
      at,
    });

  for (const person of people) {
    for (let day = firstDay; day < options.today; day = addDaysTo(day, 30)) {
      for (const event of EVENTS) {
        if (rand() >= event.odds) continue;
        const date = addDaysTo(day, Math.floor(rand() * 30));
        if (date >= options.today || (person.hired !== null && date < person.hired)) continue;
        if (person.leftOn !== null && date > person.leftOn) continue;
        const ref =
          'ref' in event
            ? `${event.ref}${date.replaceAll('-', '')}-${String(Math.floor(rand() * 9000) + 1000)}`
            : undefined;
        const { id, type } = await propose(
          person.id,
          date,
          event.reason,
          event.type,
          event.say,
          person.leadName ?? '值班主管',
          { externalRef: ref },
        );
        if (date >= waitingSince) continue; // still waiting for the manager
        if (rand() < 0.08) {
          await decide(id, 'reject', '证据不足：录音未体现所述情况');
          await updateRecord(db, id, {
            state: 'rejected',
            decision_reason: '证据不足：录音未体现所述情况',
            decided_at: at,
            decided_by: MANAGER.approver,
            updated_at: at,
          });
          continue;
        }
        await decide(id, 'approve', null);
        const expiresOn = expiryDate(date, type.validity_months);
        await updateRecord(db, id, {
          state: 'approved',
          expires_on: expiresOn,
          decided_at: at,
          decided_by: MANAGER.approver,
          updated_at: at,
        });
        const granted: LedgerEvent[] = grantEvent(id, date, type.default_points);
        await appendLedger(db, person.id, granted, at);
        const events = await ledgerEvents(db, { recordIds: [id] });
        const expired = dueExpiries([{ recordId: id, expiresOn }], events, options.today);
        await appendLedger(db, person.id, expired, at);
      }
    }
  }

  // One red line waiting for its second approver: the agent's side and the context are on file.
  const agent = people.find((p) => p.leftOn === null && p.leadName !== null) ?? people[0];
  if (agent) {
    const { id } = await propose(
      agent.id,
      addDaysTo(options.today, -3),
      'argued_with_customer',
      'final_warning',
      '通话中与客户争执，音量明显提高并打断客户',
      agent.leadName ?? '值班主管',
      {
        externalRef: `TS${addDaysTo(options.today, -3).replaceAll('-', '')}-0007`,
        agentExplanation: '客户连续辱骂三次，我没有控制住情绪回了一句，事后已向客户道歉。',
        context: '客户因宽带故障一周内第四次来电，情绪激动并辱骂坐席。',
      },
    );
    await decide(id, 'approve', null);
  }
  return count;
}
