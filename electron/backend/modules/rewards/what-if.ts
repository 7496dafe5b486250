import { sql } from 'kysely';
import type { ParsedInput, RewardsWhatIf } from '../../../../shared/contract';
import { wantedProposals, type ProposalRule } from '../../../../shared/domain/attendance';
import { ATTENDANCE_RULE_REASONS } from '../../../../shared/domain/rewards';
import { listProposals } from '../../../../db/queries/attendance/proposals';
import { recordStatusesBetween } from '../../../../db/queries/attendance/records';
import { listReasons, listTypes } from '../../../../db/queries/rewards/catalog';
import type { HandlerContext } from '../../core/context';

type Figures = RewardsWhatIf['totals']['actual'];
const none = (): Figures => ({ proposals: 0, points: 0, amountFen: 0 });

/**
 * What a draft of the attendance rules and the catalog's defaults would have done to a month:
 * the month's recorded attendance replayed under the draft (a record's status and late minutes
 * do not depend on the rules, only what they propose does), each proposal valued by its
 * reason's type, beside the proposals the month really had, valued by the catalog as saved.
 * Reads only: nothing is written until the draft is saved.
 */
export async function whatIf(
  ctx: HandlerContext,
  { month, rules, types: drafts }: ParsedInput<'rewards.whatIf'>,
): Promise<RewardsWhatIf> {
  const [types, reasons, staff] = await Promise.all([
    listTypes(ctx.db),
    listReasons(ctx.db),
    ctx.db
      .selectFrom('staff as s')
      .leftJoin('teams as t', 't.id', 's.team_id')
      .select(['s.id', 's.name', 's.employee_no as employeeNo', 't.name as teamName'])
      .orderBy(sql`natural_key(${sql.ref('s.employee_no')})`)
      .execute(),
  ]);
  const typeOfRule = (rule: ProposalRule) => {
    const reason = reasons.find((r) => r.code === ATTENDANCE_RULE_REASONS[rule]);
    return types.find((t) => t.id === reason?.defaultTypeId);
  };
  const value = (rule: ProposalRule, draft: boolean) => {
    const type = typeOfRule(rule);
    const override = draft ? drafts.find((d) => d.typeId === type?.id) : undefined;
    return {
      points: override?.defaultPoints ?? type?.defaultPoints ?? 0,
      amountFen: override?.defaultAmount ?? type?.defaultAmountFen ?? 0,
    };
  };
  const add = (to: Figures, rule: ProposalRule, draft: boolean) => {
    const v = value(rule, draft);
    to.proposals += 1;
    to.points += v.points;
    to.amountFen += v.amountFen;
  };

  const figures = new Map(staff.map((s) => [s.id, { actual: none(), draft: none() }]));
  const totals = { actual: none(), draft: none() };
  for (const p of await listProposals(ctx.db, month)) {
    if (p.state !== 'proposed') continue;
    add(figures.get(p.staffId)!.actual, p.rule, false);
    add(totals.actual, p.rule, false);
  }
  const records = await recordStatusesBetween(
    ctx.db,
    `${month}-01`,
    `${month}-31`,
    staff.map((s) => s.id),
  );
  const byPerson = new Map<number, typeof records>();
  for (const r of records) {
    const own = byPerson.get(r.staffId);
    if (own) own.push(r);
    else byPerson.set(r.staffId, [r]);
  }
  for (const [staffId, own] of byPerson) {
    for (const w of wantedProposals(staffId, month, own, rules)) {
      add(figures.get(staffId)!.draft, w.rule, true);
      add(totals.draft, w.rule, true);
    }
  }
  const people = staff
    .map((s) => ({
      staffId: s.id,
      name: s.name,
      employeeNo: s.employeeNo,
      teamName: s.teamName,
      ...figures.get(s.id)!,
    }))
    .filter((p) => p.actual.proposals + p.draft.proposals > 0);
  return { month, people, totals };
}
