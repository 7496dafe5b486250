import type { ParsedInput, RewardsMonthReport } from '../../../../shared/contract';
import { sumFen } from '../../../../shared/domain/rewards';
import { listReasons, listTypes } from '../../../../db/queries/rewards/catalog';
import { monthSums } from '../../../../db/queries/rewards/report';
import type { HandlerContext } from '../../core/context';
import { moduleText } from '../../files/export-text';
import { monthExportData } from '../attendance/month';
import { noFigures, payrollPackXlsx, reportCsv, reportXlsx, rewardsFileName } from './export';

type Figures = RewardsMonthReport['totals'];
type Sum = Awaited<ReturnType<typeof monthSums>>[number];

/** Adds one grouped row to a line of the report: rewards pay, penalties deduct, in whole fen. */
function add(to: Figures, row: Sum) {
  const amount = Number(row.amountFen);
  to.records += Number(row.records);
  if (row.kind === 'reward') to.rewardFen = sumFen([to.rewardFen, amount]);
  else to.deductionFen = sumFen([to.deductionFen, amount]);
  to.netFen = to.rewardFen - to.deductionFen;
  to.pointsGained += Number(row.gained);
  to.pointsLost += Number(row.lost);
}

/**
 * 奖惩月报 for payroll: per person (with counts by type), per team, per reason, and the total, of
 * the month's approved records. A supervisor's report holds only their teams.
 */
export async function monthReport(ctx: HandlerContext, month: string): Promise<RewardsMonthReport> {
  const rows = await monthSums(ctx.db, month, ctx.teams.filter);
  const people = new Map<number, RewardsMonthReport['people'][number]>();
  const teams = new Map<number | null, RewardsMonthReport['teams'][number]>();
  const reasons = new Map<number, { rewards: number; penalties: number }>();
  const totals = noFigures();
  for (const row of rows) {
    let person = people.get(row.staffId);
    if (!person) {
      const { staffId, name, employeeNo, teamId, teamName } = row;
      person = { staffId, name, employeeNo, teamId, teamName, ...noFigures(), byType: [] };
      people.set(staffId, person);
    }
    add(person, row);
    const ofType = person.byType.find((t) => t.typeId === row.typeId);
    if (ofType) ofType.records += Number(row.records);
    else person.byType.push({ typeId: row.typeId, records: Number(row.records) });

    let team = teams.get(row.teamId);
    if (!team) {
      team = { teamId: row.teamId, teamName: row.teamName, ...noFigures() };
      teams.set(row.teamId, team);
    }
    add(team, row);
    add(totals, row);
    const reason = reasons.get(row.reasonId) ?? { rewards: 0, penalties: 0 };
    reason[row.kind === 'reward' ? 'rewards' : 'penalties'] += Number(row.records);
    reasons.set(row.reasonId, reason);
  }
  const byReason = (await listReasons(ctx.db))
    .filter((r) => reasons.has(r.id))
    .map((r) => ({ reasonId: r.id, nameZh: r.nameZh, nameEn: r.nameEn, ...reasons.get(r.id)! }));
  return { month, people: [...people.values()], teams: [...teams.values()], byReason, totals };
}

/** 奖惩月报 as XLSX or CSV, in the caller's language. */
export async function reportFile(
  ctx: HandlerContext,
  { month, format, language }: ParsedInput<'rewards.exportReport'>,
) {
  const text = moduleText(language, 'rewards');
  const report = await monthReport(ctx, month);
  const types = await listTypes(ctx.db);
  const content =
    format === 'xlsx' ? await reportXlsx(text, report, types) : reportCsv(text, report, types);
  return {
    people: report.people.length,
    file: {
      fileName: rewardsFileName(text, 'report', month, format),
      contentBase64: content.toString('base64'),
    },
  };
}

/** 工资核算包: the month's attendance summary and 奖惩 summary, and a sheet per team. */
export async function payrollPackFile(
  ctx: HandlerContext,
  { month, language }: ParsedInput<'rewards.payrollPack'>,
) {
  const text = moduleText(language, 'rewards');
  const report = await monthReport(ctx, month);
  const attendance = await monthExportData(ctx, month, null, 'summary');
  const content = await payrollPackXlsx(
    text,
    moduleText(language, 'attendance'),
    attendance,
    report,
    await listTypes(ctx.db),
  );
  return {
    people: attendance.summary.people.length,
    file: {
      fileName: rewardsFileName(text, 'payroll', month, 'xlsx'),
      contentBase64: content.toString('base64'),
    },
  };
}
