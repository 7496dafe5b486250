import { sql, type Kysely } from 'kysely';
import type { PenaltyProposal } from '../../../shared/contract';
import type { ProposalWanted } from '../../../shared/domain/attendance';
import type { DB } from '../../schema';

/**
 * Makes one person's proposals for one month match what the rules want now: new ones proposed,
 * ones no longer supported (a corrected absence) withdrawn, evidence kept current.
 */
export async function reconcileProposals(
  db: Kysely<DB>,
  staffId: number,
  month: string,
  wanted: ProposalWanted[],
  at: string,
) {
  const existing = await db
    .selectFrom('penalty_proposals')
    .select(['id', 'rule_key', 'state'])
    .where('staff_id', '=', staffId)
    .where('month', '=', month)
    .execute();
  const byKey = new Map(existing.map((p) => [p.rule_key, p]));
  const wantedKeys = new Set(wanted.map((w) => w.ruleKey));
  for (const p of existing) {
    if (!wantedKeys.has(p.rule_key) && p.state === 'proposed') {
      await db
        .updateTable('penalty_proposals')
        .set({ state: 'withdrawn', updated_at: at })
        .where('id', '=', p.id)
        .execute();
    }
  }
  for (const w of wanted) {
    let id = byKey.get(w.ruleKey)?.id;
    if (id === undefined) {
      id = (
        await db
          .insertInto('penalty_proposals')
          .values({
            staff_id: staffId,
            month,
            rule: w.rule,
            rule_key: w.ruleKey,
            state: 'proposed',
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else if (byKey.get(w.ruleKey)?.state !== 'proposed') {
      await db
        .updateTable('penalty_proposals')
        .set({ state: 'proposed', updated_at: at })
        .where('id', '=', id)
        .execute();
    }
    await db.deleteFrom('penalty_proposal_evidence').where('proposal_id', '=', id).execute();
    await db
      .insertInto('penalty_proposal_evidence')
      .values(w.evidence.map((attendanceId) => ({ proposal_id: id, attendance_id: attendanceId })))
      .execute();
  }
}

export async function listProposals(db: Kysely<DB>, month: string): Promise<PenaltyProposal[]> {
  const rows = await db
    .selectFrom('penalty_proposals as p')
    .innerJoin('staff as s', 's.id', 'p.staff_id')
    .select([
      'p.id',
      'p.staff_id as staffId',
      's.name',
      's.employee_no as employeeNo',
      'p.month',
      'p.rule',
      'p.state',
      'p.created_at as createdAt',
    ])
    .where('p.month', '=', month)
    .orderBy(sql`natural_key(${sql.ref('s.employee_no')})`)
    .orderBy('p.id')
    .execute();
  const evidence = rows.length
    ? await db
        .selectFrom('penalty_proposal_evidence as v')
        .innerJoin('attendance_records as r', 'r.id', 'v.attendance_id')
        .select([
          'v.proposal_id as proposalId',
          'r.id as recordId',
          'r.work_date as date',
          'r.status',
        ])
        .where(
          'v.proposal_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('r.work_date')
        .execute()
    : [];
  return rows.map((r) => ({
    ...r,
    evidence: evidence
      .filter((e) => e.proposalId === r.id)
      .map(({ recordId, date, status }) => ({ recordId, date, status })),
  }));
}
