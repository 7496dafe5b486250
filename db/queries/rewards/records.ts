import { sql, type Kysely, type Updateable } from 'kysely';
import type { RewardRecord } from '../../../shared/contract';
import type { EvidenceEntity, LedgerEvent, RecordState } from '../../../shared/domain/rewards';
import { approvalsNeeded } from '../../../shared/domain/rewards';
import type { DB } from '../../schema';
import type { RewardsRecordsTable } from './tables';

/** The columns a proposal or an edit writes. */
export type RecordWrite = Pick<
  RewardsRecordsTable,
  | 'staff_id'
  | 'event_date'
  | 'reason_id'
  | 'type_id'
  | 'red_line'
  | 'description'
  | 'points'
  | 'amount_fen'
  | 'external_ref'
  | 'agent_explanation'
  | 'context'
  | 'ladder_step'
  | 'validity_months'
>;

function recordsQuery(db: Kysely<DB>) {
  return db
    .selectFrom('rewards_records as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .leftJoin('teams as t', 't.id', 's.team_id')
    .innerJoin('rewards_reasons as rr', 'rr.id', 'r.reason_id')
    .innerJoin('rewards_types as ty', 'ty.id', 'r.type_id')
    .select((eb) => [
      'r.id',
      'r.staff_id as staffId',
      's.name as staffName',
      's.employee_no as employeeNo',
      's.team_id as teamId',
      't.name as teamName',
      'r.event_date as eventDate',
      'r.reason_id as reasonId',
      'rr.name_zh as reasonZh',
      'rr.name_en as reasonEn',
      'r.type_id as typeId',
      'ty.name_zh as typeZh',
      'ty.name_en as typeEn',
      'ty.kind',
      'r.red_line as redLine',
      'r.description',
      'r.points',
      'r.amount_fen as amountFen',
      'r.external_ref as externalRef',
      'r.agent_explanation as agentExplanation',
      'r.context',
      'r.ladder_step as ladderStep',
      'r.expires_on as expiresOn',
      'r.state',
      'r.source',
      'r.proposed_by_user_id as proposedByUserId',
      'r.proposed_by as proposedBy',
      'r.decided_at as decidedAt',
      'r.decided_by as decidedBy',
      'r.decision_reason as decisionReason',
      'r.revoked_at as revokedAt',
      'r.revoked_by as revokedBy',
      'r.revoke_reason as revokeReason',
      'r.created_at as createdAt',
      'r.updated_at as updatedAt',
      eb
        .selectFrom('rewards_approvals as a')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('a.record_id', '=', 'r.id')
        .where('a.decision', '=', 'approve')
        .as('approvals'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof recordsQuery>['executeTakeFirstOrThrow']>>;
const toRecord = (r: Row): RewardRecord => ({
  ...r,
  redLine: r.redLine === 1,
  approvals: Number(r.approvals ?? 0),
  approvalsNeeded: approvalsNeeded(r.redLine === 1),
});

export async function findRecord(db: Kysely<DB>, id: number) {
  const row = await recordsQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export interface RecordFilter {
  staffId?: number;
  teamId?: number;
  /** A supervisor's teams: only their people's records. */
  teamIds?: readonly number[] | null;
  state?: RecordState;
  states?: readonly RecordState[];
  from?: string;
  to?: string;
  proposedByUserId?: number;
  ids?: readonly number[];
}

function filtered(db: Kysely<DB>, f: RecordFilter) {
  let q = recordsQuery(db);
  if (f.staffId !== undefined) q = q.where('r.staff_id', '=', f.staffId);
  if (f.teamId !== undefined) q = q.where('s.team_id', '=', f.teamId);
  if (f.teamIds)
    q = f.teamIds.length ? q.where('s.team_id', 'in', [...f.teamIds]) : q.where(sql<boolean>`0`);
  if (f.state) q = q.where('r.state', '=', f.state);
  if (f.states) q = q.where('r.state', 'in', [...f.states]);
  if (f.from) q = q.where('r.event_date', '>=', f.from);
  if (f.to) q = q.where('r.event_date', '<=', f.to);
  if (f.proposedByUserId !== undefined)
    q = q.where('r.proposed_by_user_id', '=', f.proposedByUserId);
  if (f.ids) q = q.where('r.id', 'in', [...f.ids]);
  return q;
}

export async function listRecords(
  db: Kysely<DB>,
  f: RecordFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: RewardRecord[]; total: number }> {
  const rows = await filtered(db, f)
    .orderBy('r.event_date', 'desc')
    .orderBy('r.id', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  const { total } = await filtered(db, f)
    .clearSelect()
    .select(sql<number>`count(*)`.as('total'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map(toRecord), total: Number(total) };
}

export async function recordsWhere(
  db: Kysely<DB>,
  f: RecordFilter,
  limit: number,
  order: 'old' | 'recent',
) {
  const rows = await filtered(db, f)
    .orderBy(order === 'old' ? 'r.created_at' : 'r.updated_at', order === 'old' ? 'asc' : 'desc')
    .orderBy('r.id', order === 'old' ? 'asc' : 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

export async function insertRecord(
  db: Kysely<DB>,
  fields: RecordWrite &
    Pick<
      RewardsRecordsTable,
      'source' | 'attendance_proposal_id' | 'proposed_by_user_id' | 'proposed_by'
    >,
  at: string,
) {
  const row = await db
    .insertInto('rewards_records')
    .values({ ...fields, state: 'proposed', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRecord(
  db: Kysely<DB>,
  id: number,
  set: Updateable<RewardsRecordsTable>,
) {
  await db.updateTable('rewards_records').set(set).where('id', '=', id).execute();
}

export async function evidenceOf(db: Kysely<DB>, recordId: number) {
  return db
    .selectFrom('rewards_evidence')
    .select(['entity', 'entity_id as entityId'])
    .where('record_id', '=', recordId)
    .orderBy('entity')
    .orderBy('entity_id')
    .execute() as Promise<{ entity: EvidenceEntity; entityId: number }[]>;
}

/** An evidence link with what its chip shows and where it leads. */
export interface EvidenceItem {
  entity: EvidenceEntity;
  entityId: number;
  /** The day it is about (an attendance record's, a handover's), a proposal's month; null if gone. */
  date: string | null;
  /** An attendance record's status, a proposal's rule, a handover item's category. */
  label: string | null;
  /** Whose attendance it is. */
  staffId: number | null;
  /** A handover item: the handover it was first written in. */
  handoverId: number | null;
}

/** The evidence of several records, with each link's day and label, by record. */
export async function evidenceItems(
  db: Kysely<DB>,
  recordIds: readonly number[],
): Promise<Map<number, EvidenceItem[]>> {
  const byRecord = new Map<number, EvidenceItem[]>(recordIds.map((id) => [id, []]));
  if (!recordIds.length) return byRecord;
  const links = await db
    .selectFrom('rewards_evidence')
    .select(['record_id as recordId', 'entity', 'entity_id as entityId'])
    .where('record_id', 'in', [...recordIds])
    .orderBy('entity')
    .orderBy('entity_id')
    .execute();
  const ids = (entity: EvidenceEntity) => [
    ...new Set(links.filter((l) => l.entity === entity).map((l) => l.entityId)),
  ];
  type Facts = Omit<EvidenceItem, 'entity' | 'entityId'>;
  const facts = new Map<string, Facts>();
  const attendance = ids('attendance_record');
  if (attendance.length)
    for (const r of await db
      .selectFrom('attendance_records')
      .select(['id', 'work_date', 'status', 'staff_id'])
      .where('id', 'in', attendance)
      .execute())
      facts.set(`attendance_record:${r.id}`, {
        date: r.work_date,
        label: r.status,
        staffId: r.staff_id,
        handoverId: null,
      });
  const proposals = ids('attendance_proposal');
  if (proposals.length)
    for (const p of await db
      .selectFrom('penalty_proposals')
      .select(['id', 'month', 'rule', 'staff_id'])
      .where('id', 'in', proposals)
      .execute())
      facts.set(`attendance_proposal:${p.id}`, {
        date: p.month,
        label: p.rule,
        staffId: p.staff_id,
        handoverId: null,
      });
  const items = ids('handover_item');
  if (items.length)
    for (const i of await db
      .selectFrom('handover_items as i')
      .select((eb) => [
        'i.id',
        'i.category',
        eb
          .selectFrom('handover_item_links as l')
          .select((e) => e.fn.min('l.handover_id').as('h'))
          .whereRef('l.item_id', '=', 'i.id')
          .as('handoverId'),
      ])
      .where('i.id', 'in', items)
      .execute()) {
      const first =
        i.handoverId === null
          ? undefined
          : await db
              .selectFrom('handovers')
              .select('work_date')
              .where('id', '=', Number(i.handoverId))
              .executeTakeFirst();
      facts.set(`handover_item:${i.id}`, {
        date: first?.work_date ?? null,
        label: i.category,
        staffId: null,
        handoverId: i.handoverId === null ? null : Number(i.handoverId),
      });
    }
  for (const l of links) {
    const known = facts.get(`${l.entity}:${l.entityId}`);
    byRecord.get(l.recordId)!.push({
      entity: l.entity as EvidenceEntity,
      entityId: l.entityId,
      ...(known ?? { date: null, label: null, staffId: null, handoverId: null }),
    });
  }
  return byRecord;
}

export async function replaceEvidence(
  db: Kysely<DB>,
  recordId: number,
  links: readonly { entity: EvidenceEntity; entityId: number }[],
) {
  await db.deleteFrom('rewards_evidence').where('record_id', '=', recordId).execute();
  if (links.length)
    await db
      .insertInto('rewards_evidence')
      .values(links.map((l) => ({ record_id: recordId, entity: l.entity, entity_id: l.entityId })))
      .execute();
}

export async function decisionsOf(db: Kysely<DB>, recordId: number) {
  return db
    .selectFrom('rewards_approvals')
    .select([
      'approver_user_id as approverUserId',
      'approver',
      'approver_role as approverRole',
      'decision',
      'reason',
      'points',
      'amount_fen as amountFen',
      'at',
    ])
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

export async function insertDecision(
  db: Kysely<DB>,
  d: {
    recordId: number;
    userId: number | null;
    approver: string;
    role: string;
    decision: 'approve' | 'reject';
    reason: string | null;
    points: number | null;
    amountFen: number | null;
    at: string;
  },
) {
  await db
    .insertInto('rewards_approvals')
    .values({
      record_id: d.recordId,
      approver_user_id: d.userId,
      approver: d.approver,
      approver_role: d.role,
      decision: d.decision,
      reason: d.reason,
      points: d.points,
      amount_fen: d.amountFen,
      at: d.at,
    })
    .execute();
}

/** Ledger events, oldest first: of one record, or of one person up to a date. */
export async function ledgerEvents(
  db: Kysely<DB>,
  by: { recordIds: readonly number[] } | { staffId: number; through: string },
): Promise<(LedgerEvent & { staffId: number })[]> {
  let q = db
    .selectFrom('rewards_ledger')
    .select(['record_id as recordId', 'staff_id as staffId', 'kind', 'on_date as date', 'points']);
  if ('recordIds' in by) {
    if (by.recordIds.length === 0) return [];
    q = q.where('record_id', 'in', [...by.recordIds]);
  } else q = q.where('staff_id', '=', by.staffId).where('on_date', '<=', by.through);
  return q.orderBy('on_date').orderBy('id').execute();
}

export async function appendLedger(
  db: Kysely<DB>,
  staffId: number,
  events: readonly LedgerEvent[],
  at: string,
) {
  if (events.length === 0) return;
  await db
    .insertInto('rewards_ledger')
    .values(
      events.map((e) => ({
        record_id: e.recordId,
        staff_id: staffId,
        kind: e.kind,
        on_date: e.date,
        points: e.points,
        created_at: at,
      })),
    )
    .execute();
}

/**
 * Granted records whose expiry day has come by `today` and that have neither expired nor been
 * revoked in the ledger: what the expiry run looks at.
 */
export async function expiringRecords(db: Kysely<DB>, today: string) {
  return db
    .selectFrom('rewards_records as r')
    .select(['r.id as recordId', 'r.staff_id as staffId', 'r.expires_on as expiresOn'])
    .where('r.expires_on', '<=', today)
    .where('r.state', 'in', ['approved', 'revoked'])
    .where((eb) =>
      eb.and([
        eb.exists(
          eb
            .selectFrom('rewards_ledger as g')
            .select('g.id')
            .whereRef('g.record_id', '=', 'r.id')
            .where('g.kind', '=', 'grant'),
        ),
        eb.not(
          eb.exists(
            eb
              .selectFrom('rewards_ledger as e')
              .select('e.id')
              .whereRef('e.record_id', '=', 'r.id')
              .where('e.kind', 'in', ['expire', 'revoke']),
          ),
        ),
      ]),
    )
    .orderBy('r.id')
    .execute() as Promise<{ recordId: number; staffId: number; expiresOn: string }[]>;
}

/** A person's records on the ladder (approved or revoked, with a step), as the warnings need them. */
export async function ladderRecords(db: Kysely<DB>, staffId: number) {
  return db
    .selectFrom('rewards_records as r')
    .innerJoin('rewards_types as ty', 'ty.id', 'r.type_id')
    .select([
      'r.id as recordId',
      'r.ladder_step as step',
      'r.event_date as eventDate',
      'r.expires_on as expiresOn',
      'r.revoked_at as revokedAt',
      'ty.name_zh as typeZh',
      'ty.name_en as typeEn',
    ])
    .where('r.staff_id', '=', staffId)
    .where('r.state', 'in', ['approved', 'revoked'])
    .where('r.ladder_step', '<>', 'none')
    .execute();
}

export async function monthIsClosed(db: Kysely<DB>, month: string) {
  return Boolean(
    await db
      .selectFrom('attendance_months')
      .select('month')
      .where('month', '=', month)
      .executeTakeFirst(),
  );
}

/** The state of the attendance proposal a record was filed from; undefined for a record by hand. */
export async function sourceProposalState(db: Kysely<DB>, recordId: number) {
  const row = await db
    .selectFrom('rewards_records as r')
    .innerJoin('penalty_proposals as p', 'p.id', 'r.attendance_proposal_id')
    .select('p.state')
    .where('r.id', '=', recordId)
    .executeTakeFirst();
  return row?.state;
}
