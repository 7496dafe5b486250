import { listProposals } from '../../../../db/queries/attendance/proposals';
import { findReason, findType } from '../../../../db/queries/rewards/catalog';
import { insertRecord, replaceEvidence } from '../../../../db/queries/rewards/records';
import { ATTENDANCE_RULE_REASONS } from '../../../../shared/domain/rewards';
import type { HandlerContext } from '../../core/context';
import { fieldFailure } from '../../core/errors';
import { refuseClosedMonth, userName } from './records';

/**
 * The bridge from the attendance rules: each of a month's open proposals (the caller's teams'
 * for a supervisor) not yet filed becomes a 奖惩 proposal — its rule's reason and type, dated the
 * last day of its evidence, the attendance proposal and records as evidence. The rules proposed
 * it, not the caller (no proposer user), so any manager may approve it. Filed once: the record
 * keeps the attendance proposal's id, unique in the file.
 */
export async function fileAttendanceProposals(ctx: HandlerContext, month: string) {
  await refuseClosedMonth(ctx, `${month}-01`, 'month');
  const open = (await listProposals(ctx.db, month)).filter((p) => p.state === 'proposed');
  const mine = await ctx.teams.keepByStaff(ctx, open, (p) => [p.staffId]);
  const filed = new Set(
    (
      await ctx.db
        .selectFrom('rewards_records')
        .select('attendance_proposal_id')
        .where('attendance_proposal_id', 'is not', null)
        .execute()
    ).map((r) => r.attendance_proposal_id),
  );
  const recordIds: number[] = [];
  for (const p of mine.filter((p) => !filed.has(p.id))) {
    const reason = await findReason(ctx.db, { code: ATTENDANCE_RULE_REASONS[p.rule] });
    const type = reason && (await findType(ctx.db, reason.defaultTypeId));
    if (!reason?.active || !type?.active)
      throw fieldFailure('month', 'errors.rewards.unknownReason');
    const dates = p.evidence.map((e) => e.date).sort();
    const id = await insertRecord(
      ctx.db,
      {
        staff_id: p.staffId,
        event_date: dates.at(-1) ?? `${month}-01`,
        reason_id: reason.id,
        type_id: type.id,
        red_line: reason.redLine ? 1 : 0,
        description: `${reason.nameZh} · ${dates.join('、')}`,
        points: type.defaultPoints,
        amount_fen: type.defaultAmountFen,
        external_ref: null,
        agent_explanation: null,
        context: null,
        ladder_step: type.ladderStep,
        validity_months: type.validityMonths,
        source: 'attendance',
        attendance_proposal_id: p.id,
        proposed_by_user_id: null,
        proposed_by: userName(ctx),
      },
      ctx.now,
    );
    await replaceEvidence(ctx.db, id, [
      { entity: 'attendance_proposal', entityId: p.id },
      ...p.evidence.map((e) => ({ entity: 'attendance_record' as const, entityId: e.recordId })),
    ]);
    await ctx.audit({
      action: 'create',
      entity: 'reward_record',
      entityId: id,
      after: {
        staffId: p.staffId,
        attendanceProposalId: p.id,
        reasonId: reason.id,
        typeId: type.id,
      },
    });
    recordIds.push(id);
  }
  return { created: recordIds.length, recordIds };
}
