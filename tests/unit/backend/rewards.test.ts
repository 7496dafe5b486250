import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Session } from '../../../electron/backend/core/context';
import type { Channel, Input, Output, Result } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/org';
import { tempStore, type TestStore } from '../../helpers/store';

/**
 * 奖惩 through the backend's channels, on a real SQLite file, with real accounts (two managers,
 * so a red line can have two different approvers) and a clock the test moves forward.
 */
let t: TestStore;
let clock: Date;
let team1: number;
let team2: number;
let wang: number; // 王芳, team 1
let zhao: number; // 赵强, team 2
const as: Record<string, Session> = {};
const DAY = '2026-11-16';

async function account(username: string, role: Role, teamIds: number[] = []) {
  const user = await t.ok('accounts.users.create', {
    username,
    displayName: username,
    role,
    password: 'correct horse 9',
    ...(role === 'supervisor' && { teamIds }),
  });
  as[username] = { userId: user.id, username, displayName: username, role, teamIds };
}

const call = <C extends Channel>(who: string, channel: C, input: Input<C>) =>
  t.call(channel, input, as[who]!) as Promise<Result<Output<C>>>;
async function ok<C extends Channel>(who: string, channel: C, input: Input<C>) {
  const result = await call(who, channel, input);
  if (!result.ok) throw new Error(`${channel} as ${who}: ${JSON.stringify(result.error)}`);
  return result.value;
}

let reasons: Record<string, number>;
const proposal = (reason: string, extra: Partial<Input<'rewards.records.propose'>> = {}) => ({
  staffId: wang,
  eventDate: DAY,
  reasonId: reasons[reason]!,
  description: '详见质检录音',
  ...extra,
});
const balance = async (asOf: string | null = null) =>
  (await ok('boss', 'rewards.person', { staffId: wang, asOf })).balance;

beforeEach(async () => {
  clock = new Date(2026, 10, 20, 10, 0);
  t = await tempStore({ clock: () => clock });
  team1 = (await t.ok('org.teams.create', { name: '客服一组' })).id;
  team2 = (await t.ok('org.teams.create', { name: '客服二组' })).id;
  const add = async (employeeNo: string, name: string, teamId: number) =>
    (await t.ok('org.staff.create', { employeeNo, name, teamId, position: 'agent' })).id;
  wang = await add('KF1', '王芳', team1);
  zhao = await add('KF3', '赵强', team2);
  await account('lead1', 'supervisor', [team1]);
  await account('boss', 'manager');
  await account('boss2', 'manager');
  await account('hrstaff', 'hr');
  await account('admin', 'admin');
  const catalog = await t.ok('rewards.catalog', {});
  reasons = Object.fromEntries(catalog.reasons.map((r) => [r.code, r.id]));
});
afterEach(() => t.close());

describe('a proposal and its decision', () => {
  it('is proposed by the team lead with attendance evidence and approved from the queue', async () => {
    const early = (await t.ok('org.shiftTypes.list', {})).find((s) => s.code === 'E')!.id;
    await t.ok('org.schedule.assign', { cells: [{ staffId: wang, date: DAY, value: early }] });
    const shift = await ok('lead1', 'attendance.rollCall', {
      date: DAY,
      shiftTypeId: early,
      entries: [{ staffId: wang, mark: 'late', arrivedAt: `${DAY} 08:25` }],
    });
    const attendanceId = shift.people[0]!.record!.id;

    const suggested = await ok('lead1', 'rewards.person', {
      staffId: wang,
      reasonId: reasons.late,
    });
    expect(suggested.suggestion).toMatchObject({ step: 'verbal', escalated: false });
    const record = await ok(
      'lead1',
      'rewards.records.propose',
      proposal('late', { evidence: [{ entity: 'attendance_record', entityId: attendanceId }] }),
    );
    expect(record).toMatchObject({
      state: 'proposed',
      points: -1,
      typeZh: '口头警告',
      proposedBy: 'lead1',
      evidence: [{ entity: 'attendance_record', entityId: attendanceId }],
    });
    // The lead sees its state; the manager sees it waiting; another manager's queue too.
    expect((await ok('lead1', 'rewards.queue', {})).mine.map((r) => r.id)).toEqual([record.id]);
    expect((await ok('boss', 'rewards.queue', {})).waiting.map((r) => r.id)).toEqual([record.id]);
    expect(await balance()).toBe(0);

    const approved = await ok('boss', 'rewards.records.approve', { id: record.id });
    expect(approved).toMatchObject({
      state: 'approved',
      decidedBy: 'boss',
      expiresOn: '2027-02-16',
      ledger: [{ kind: 'grant', date: DAY, points: -1 }],
      actions: ['revoke'],
    });
    expect(await balance()).toBe(-1);
    expect(await balance('2026-11-15')).toBe(0);
    expect((await ok('boss', 'rewards.queue', {})).waiting).toEqual([]);
    const audit = await t.ok('audit.list', { entity: 'reward_record', page: 1, pageSize: 10 });
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['approve', 'create']);
  });

  it('is rejected with a reason, after which nobody can approve it', async () => {
    const record = await ok('lead1', 'rewards.records.propose', proposal('qa_failed'));
    expect(
      await call('boss', 'rewards.records.reject', { id: record.id, reason: ' ' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'reason' } });
    const rejected = await ok('boss', 'rewards.records.reject', {
      id: record.id,
      reason: '录音显示客户先挂断',
    });
    expect(rejected).toMatchObject({ state: 'rejected', decisionReason: '录音显示客户先挂断' });
    expect(await call('boss2', 'rewards.records.approve', { id: record.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'errors.rewards.notProposed' },
    });
  });

  it('is approved reduced only with a reason, and never raised', async () => {
    const record = await ok('lead1', 'rewards.records.propose', proposal('absence'));
    expect(record.points).toBe(-3);
    expect(
      await call('boss', 'rewards.records.approve', { id: record.id, points: -5, reason: '加重' }),
    ).toMatchObject({ ok: false, error: { field: 'points', key: 'errors.rewards.notReduction' } });
    expect(
      await call('boss', 'rewards.records.approve', { id: record.id, amount: '10.00' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'reason', issues: [{ field: 'reason', key: 'validation.reductionReason' }] },
    });
    const approved = await ok('boss', 'rewards.records.approve', {
      id: record.id,
      points: -1,
      reason: '初犯，已补假条',
    });
    expect(approved).toMatchObject({ state: 'approved', points: -1 });
    expect(approved.decisions[0]).toMatchObject({ points: -1, reason: '初犯，已补假条' });
  });

  it('refuses a manager approving their own proposal', async () => {
    const record = await ok('boss', 'rewards.records.propose', proposal('late'));
    expect(await call('boss', 'rewards.records.approve', { id: record.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'errors.rewards.ownProposal' },
    });
    expect((await ok('boss', 'rewards.queue', {})).waiting).toEqual([]);
    expect((await ok('boss2', 'rewards.records.approve', { id: record.id })).state).toBe(
      'approved',
    );
  });
});

describe('a red line (客服天条)', () => {
  it('needs the explanation and context, then two different approvers', async () => {
    const record = await ok('lead1', 'rewards.records.propose', proposal('argued_with_customer'));
    expect(record).toMatchObject({ redLine: true, typeZh: '最后警告', approvalsNeeded: 2 });
    expect(await call('boss', 'rewards.records.approve', { id: record.id })).toMatchObject({
      ok: false,
      error: { key: 'errors.rewards.redLineNeedsExplanation' },
    });
    await ok('lead1', 'rewards.records.update', {
      ...proposal('argued_with_customer'),
      id: record.id,
      agentExplanation: '客户多次辱骂，我没忍住回了嘴',
      context: '客户来电投诉宽带故障，情绪激动',
    });
    const once = await ok('boss', 'rewards.records.approve', { id: record.id });
    expect(once).toMatchObject({ state: 'proposed', approvals: 1, ledger: [] });
    // The same manager again: refused; the lead can no longer edit it.
    expect(await call('boss', 'rewards.records.approve', { id: record.id })).toMatchObject({
      ok: false,
      error: { key: 'errors.rewards.alreadyApproved' },
    });
    expect(
      await call('lead1', 'rewards.records.update', {
        ...proposal('argued_with_customer'),
        id: record.id,
      }),
    ).toMatchObject({ ok: false, error: { key: 'errors.rewards.underApproval' } });
    expect((await ok('boss', 'rewards.queue', {})).waiting).toEqual([]);
    expect((await ok('boss2', 'rewards.queue', {})).waiting.map((r) => r.id)).toEqual([record.id]);
    // An admin may be the second approver; here the other manager is.
    const twice = await ok('boss2', 'rewards.records.approve', { id: record.id });
    expect(twice).toMatchObject({ state: 'approved', approvals: 2 });
    expect(twice.decisions.map((d) => d.approver)).toEqual(['boss', 'boss2']);
    expect(await balance()).toBe(-5);
  });

  it('is refused to an admin unless a manager is one of its two approvers', async () => {
    const record = await ok(
      'lead1',
      'rewards.records.propose',
      proposal('accepted_gift', { agentExplanation: '客户硬塞的购物卡', context: '上门回访时' }),
    );
    expect(await call('admin', 'rewards.records.approve', { id: record.id })).toMatchObject({
      ok: true,
    });
    await account('admin2', 'admin');
    expect(await call('admin2', 'rewards.records.approve', { id: record.id })).toMatchObject({
      ok: false,
      error: { key: 'errors.rewards.needsManager' },
    });
    expect((await ok('boss', 'rewards.records.approve', { id: record.id })).state).toBe('approved');
  });
});

describe('an approved record', () => {
  async function approvedRecord() {
    const record = await ok('lead1', 'rewards.records.propose', proposal('late'));
    return ok('boss', 'rewards.records.approve', { id: record.id });
  }

  it('refuses an edit and writes nothing', async () => {
    const record = await approvedRecord();
    const before = t.digest();
    for (const who of ['lead1', 'boss'])
      expect(
        await call(who, 'rewards.records.update', {
          ...proposal('late'),
          id: record.id,
          description: '改成早退',
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'conflict', key: 'errors.rewards.notProposed' },
      });
    expect(await call('boss2', 'rewards.records.approve', { id: record.id })).toMatchObject({
      ok: false,
    });
    expect(t.digest()).toBe(before);
  });

  it('is revoked only with a reason, which takes its points back', async () => {
    const record = await approvedRecord();
    expect(await call('boss', 'rewards.records.revoke', { id: record.id } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'reason', issues: [{ key: 'validation.required' }] },
    });
    expect(
      await call('lead1', 'rewards.records.revoke', { id: record.id, reason: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    clock = new Date(2026, 10, 25, 9, 0);
    const revoked = await ok('boss', 'rewards.records.revoke', {
      id: record.id,
      reason: '考勤机故障，实际未迟到',
    });
    expect(revoked).toMatchObject({ state: 'revoked', revokeReason: '考勤机故障，实际未迟到' });
    expect(revoked.ledger).toEqual([
      { recordId: record.id, kind: 'grant', date: DAY, points: -1 },
      { recordId: record.id, kind: 'revoke', date: '2026-11-25', points: 1 },
    ]);
    expect(await balance('2026-11-24')).toBe(-1);
    expect(await balance('2026-11-25')).toBe(0);
    expect(revoked.actions).toEqual([]);
  });
});

describe('points expiry', () => {
  it('writes its event when time passes the validity, once, and the balance drops', async () => {
    const record = await ok('lead1', 'rewards.records.propose', proposal('absence'));
    await ok('boss', 'rewards.records.approve', { id: record.id });
    expect(await balance()).toBe(-3);
    expect((await ok('hrstaff', 'rewards.runExpiry', {})).written).toBe(0);
    const warnings = (await ok('boss', 'rewards.person', { staffId: wang })).warnings;
    expect(warnings).toMatchObject([{ step: 'written', fallsOffOn: '2027-05-16' }]);

    // Six months on: the first call of the day runs the expiry by itself.
    clock = new Date(2027, 4, 16, 8, 0);
    const after = await ok('boss', 'rewards.person', { staffId: wang });
    expect(after).toMatchObject({ balance: 0, warnings: [] });
    expect(after.events.map((e) => [e.kind, e.date, e.points])).toEqual([
      ['grant', DAY, -3],
      ['expire', '2027-05-16', 3],
    ]);
    expect((await ok('hrstaff', 'rewards.runExpiry', {})).written).toBe(0);
    clock = new Date(2027, 6, 1, 8, 0);
    expect((await ok('hrstaff', 'rewards.runExpiry', {})).written).toBe(0);
    expect((await ok('boss', 'rewards.records.get', { id: record.id })).ledger).toHaveLength(2);
    expect(await balance('2027-05-15')).toBe(-3);
    const audit = await t.ok('audit.list', { entity: 'reward_record', action: 'expire', page: 1 });
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ username: 'system' });
  });

  it('is written by the run for what falls due after the day’s own run', async () => {
    // The day's duty has run (the calls above); a late approval of an August lateness is
    // already past its three months: the run writes its expiry, a second run nothing.
    const late = await ok(
      'lead1',
      'rewards.records.propose',
      proposal('late', { eventDate: '2026-08-01' }),
    );
    const approved = await ok('boss', 'rewards.records.approve', { id: late.id });
    expect(approved.expiresOn).toBe('2026-11-01');
    expect(await balance()).toBe(-1);
    expect((await ok('hrstaff', 'rewards.runExpiry', {})).written).toBe(1);
    expect((await ok('hrstaff', 'rewards.runExpiry', {})).written).toBe(0);
    expect(await balance()).toBe(0);
    expect(await balance('2026-10-31')).toBe(-1);
  });
});

describe('the ladder', () => {
  it('suggests a final warning over an active written warning for a written-warning reason', async () => {
    const first = await ok('lead1', 'rewards.records.propose', proposal('absence'));
    await ok('boss', 'rewards.records.approve', { id: first.id });
    const standing = await ok('lead1', 'rewards.person', {
      staffId: wang,
      reasonId: reasons.valid_complaint,
    });
    const catalog = await t.ok('rewards.catalog', {});
    const final = catalog.types.find((x) => x.code === 'final_warning')!;
    expect(standing.suggestion).toEqual({
      step: 'final',
      escalated: true,
      basis: 'written',
      typeId: final.id,
    });
  });
});

describe('approving several at once', () => {
  it('approves all or none, naming the one refused', async () => {
    const a = await ok('lead1', 'rewards.records.propose', proposal('late'));
    const b = await ok('lead1', 'rewards.records.propose', proposal('qa_failed'));
    const mine = await ok('boss', 'rewards.records.propose', proposal('early_leave'));
    const before = t.digest();
    expect(
      await call('boss', 'rewards.records.approveMany', { ids: [a.id, b.id, mine.id] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'ids.2', key: 'errors.rewards.ownProposal' },
    });
    expect(t.digest()).toBe(before);
    expect(await ok('boss', 'rewards.records.approveMany', { ids: [a.id, b.id] })).toEqual({
      approved: 2,
      awaitingSecond: 0,
    });
    expect(await balance()).toBe(-2);
    // The batch is one audit entry opening to each record it approved.
    const approvals = (await t.ok('audit.list', { action: 'approve', page: 1, pageSize: 10 })).rows;
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ entity: 'reward_record', rowCount: 2 });
    const { rows } = await t.ok('audit.rows', { entryId: approvals[0]!.id });
    expect(rows.map((r) => r.entityId)).toEqual([String(a.id), String(b.id)]);
  });
});

describe('the attendance rules’ proposals', () => {
  it('become 奖惩 proposals with their records as evidence, filed once, approved in one batch', async () => {
    const early = (await t.ok('org.shiftTypes.list', {})).find((s) => s.code === 'E')!.id;
    await t.ok('org.schedule.assign', {
      cells: [wang, zhao].map((staffId) => ({ staffId, date: DAY, value: early })),
    });
    await t.ok('attendance.rollCall', {
      date: DAY,
      shiftTypeId: early,
      entries: [wang, zhao].map((staffId) => ({ staffId, mark: 'absent' as const })),
    });
    // The lead files only their own team's.
    const lead = await ok('lead1', 'rewards.fromAttendance', { month: '2026-11' });
    expect(lead.created).toBe(1);
    const filed = await ok('boss', 'rewards.records.get', { id: lead.recordIds[0]! });
    expect(filed).toMatchObject({
      staffId: wang,
      source: 'attendance',
      reasonZh: '旷工',
      typeZh: '书面警告',
      eventDate: DAY,
      proposedByUserId: null,
    });
    expect(filed.evidence.map((e) => e.entity).sort()).toEqual([
      'attendance_proposal',
      'attendance_record',
    ]);
    const rest = await ok('boss', 'rewards.fromAttendance', { month: '2026-11' });
    expect(rest.created).toBe(1);
    expect((await ok('boss', 'rewards.fromAttendance', { month: '2026-11' })).created).toBe(0);
    const waiting = (await ok('boss', 'rewards.queue', {})).waiting.map((r) => r.id);
    expect(waiting.sort()).toEqual([...lead.recordIds, ...rest.recordIds].sort());
    expect(await ok('boss', 'rewards.records.approveMany', { ids: waiting })).toMatchObject({
      approved: 2,
    });
  });

  it('warns the approver when a correction withdrew the attendance proposal behind a record', async () => {
    const early = (await t.ok('org.shiftTypes.list', {})).find((s) => s.code === 'E')!.id;
    await t.ok('org.schedule.assign', { cells: [{ staffId: wang, date: DAY, value: early }] });
    await t.ok('attendance.rollCall', {
      date: DAY,
      shiftTypeId: early,
      entries: [{ staffId: wang, mark: 'absent' }],
    });
    const { recordIds } = await ok('lead1', 'rewards.fromAttendance', { month: '2026-11' });
    expect((await ok('boss', 'rewards.records.get', { id: recordIds[0]! })).warnings).toEqual([]);
    // HR finds the clock-in after all: the absence goes, and with it the rule's proposal.
    await t.ok('attendance.correct', {
      staffId: wang,
      date: DAY,
      clockIn: `${DAY} 07:58`,
      clockOut: `${DAY} 16:02`,
      reason: '补录打卡：门禁记录显示到岗',
    });
    expect((await ok('boss', 'rewards.records.get', { id: recordIds[0]! })).warnings).toEqual([
      { key: 'proposalWithdrawn', params: {} },
    ]);
  });
});

describe('team scope and the month lock', () => {
  it("refuses a supervisor another team's person, writing nothing", async () => {
    const theirs = await ok('boss', 'rewards.records.propose', proposal('late', { staffId: zhao }));
    const before = t.digest();
    const otherTeam = { ok: false, error: { code: 'forbidden', key: 'errors.otherTeam' } };
    expect(
      await call('lead1', 'rewards.records.propose', proposal('late', { staffId: zhao })),
    ).toMatchObject(otherTeam);
    expect(await call('lead1', 'rewards.records.get', { id: theirs.id })).toMatchObject(otherTeam);
    expect(await call('lead1', 'rewards.person', { staffId: zhao })).toMatchObject(otherTeam);
    expect(await call('lead1', 'rewards.records.list', { teamId: team2 })).toMatchObject(otherTeam);
    expect(t.digest()).toBe(before);
    const list = await ok('lead1', 'rewards.records.list', {});
    expect(list.total).toBe(0);
    expect((await ok('hrstaff', 'rewards.records.list', {})).total).toBe(1);
  });

  it('refuses records dated in a closed month, naming the date', async () => {
    const pending = await ok('lead1', 'rewards.records.propose', proposal('late'));
    clock = new Date(2026, 11, 5, 9, 0);
    await t.ok('attendance.closeMonth', { month: '2026-11' });
    expect(await call('lead1', 'rewards.records.propose', proposal('late'))).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'eventDate', key: 'errors.monthClosed' },
    });
    expect(await call('boss', 'rewards.records.approve', { id: pending.id })).toMatchObject({
      ok: false,
      error: { key: 'errors.monthClosed' },
    });
  });

  it('refuses a future date and unknown evidence, naming the field', async () => {
    expect(
      await call('lead1', 'rewards.records.propose', proposal('late', { eventDate: '2026-11-21' })),
    ).toMatchObject({
      ok: false,
      error: { field: 'eventDate', key: 'errors.rewards.futureDate' },
    });
    expect(
      await call(
        'lead1',
        'rewards.records.propose',
        proposal('late', { evidence: [{ entity: 'attendance_record', entityId: 999 }] }),
      ),
    ).toMatchObject({
      ok: false,
      error: { field: 'evidence.0.entityId', key: 'errors.rewards.unknownEvidence' },
    });
  });
});

describe('the catalog', () => {
  it('is kept by the admin, audited, amounts in exact fen', async () => {
    const saved = await ok('admin', 'rewards.catalog.saveType', {
      code: 'overtime_star',
      kind: 'reward',
      nameZh: '加班之星',
      nameEn: 'Overtime star',
      defaultPoints: 1,
      defaultAmount: '0.30',
    });
    expect(saved.defaultAmountFen).toBe(30);
    expect(
      await call('admin', 'rewards.catalog.saveType', {
        ...saved,
        id: saved.id,
        defaultAmount: '1.005',
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'defaultAmount', issues: [{ key: 'validation.yuan' }] },
    });
    expect(
      await call('boss', 'rewards.catalog.saveType', { ...saved, defaultAmount: '1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const audit = await t.ok('audit.list', { entity: 'reward_type', page: 1 });
    expect(audit.rows).toHaveLength(1);
  });
});

describe('the monthly report for payroll', () => {
  it("sums the month's approved records per person, team and reason, exact to the fen", async () => {
    const types = Object.fromEntries(
      (await t.ok('rewards.catalog', {})).types.map((ty) => [ty.code, ty.id]),
    );
    const approved = async (
      reason: string,
      extra: Partial<Input<'rewards.records.propose'>> = {},
    ) => {
      const { id } = await ok('lead1', 'rewards.records.propose', proposal(reason, extra));
      return ok('boss', 'rewards.records.approve', { id });
    };
    // 王芳: a bonus of ¥200.10 and a deduction of ¥12.35; 赵强 (team 2): a written warning.
    await approved('praise_letter', { typeId: types.bonus, amount: '200.10' });
    await approved('qa_failed', { typeId: types.deduction, amount: '12.35', points: -1 });
    const zhaoWarning = await ok('boss', 'rewards.records.propose', {
      ...proposal('valid_complaint'),
      staffId: zhao,
    });
    await ok('boss2', 'rewards.records.approve', { id: zhaoWarning.id });
    // Not counted: still proposed, revoked, or in another month.
    await ok('lead1', 'rewards.records.propose', proposal('late'));
    const revoked = await approved('late');
    await ok('boss', 'rewards.records.revoke', { id: revoked.id, reason: '考勤数据有误' });
    await approved('late', { eventDate: '2026-10-30' });

    const report = await ok('hrstaff', 'rewards.monthReport', { month: '2026-11' });
    expect(report.people.map((p) => [p.name, p.rewardFen, p.deductionFen, p.netFen])).toEqual([
      ['王芳', 20010, 1235, 18775],
      ['赵强', 0, 0, 0],
    ]);
    expect(report.people[0]).toMatchObject({ records: 2, pointsGained: 2, pointsLost: -1 });
    expect(report.people[0]!.byType).toEqual(
      expect.arrayContaining([
        { typeId: types.bonus, records: 1 },
        { typeId: types.deduction, records: 1 },
      ]),
    );
    expect(report.people[1]).toMatchObject({ records: 1, pointsLost: -3 });
    expect(report.teams.map((x) => [x.teamName, x.netFen, x.records])).toEqual([
      ['客服一组', 18775, 2],
      ['客服二组', 0, 1],
    ]);
    expect(report.totals).toEqual({
      records: 3,
      rewardFen: 20010,
      deductionFen: 1235,
      netFen: 18775,
      pointsGained: 2,
      pointsLost: -4,
    });
    expect(report.byReason.map((r) => [r.nameZh, r.rewards, r.penalties])).toEqual([
      ['有效投诉', 0, 1],
      ['质检不合格', 0, 1],
      ['表扬信', 1, 0],
    ]);

    // The team lead's report holds only their team.
    const own = await ok('lead1', 'rewards.monthReport', { month: '2026-11' });
    expect(own.people.map((p) => p.name)).toEqual(['王芳']);
    expect(own.totals.records).toBe(2);
  });
});

describe('the compliance guard', () => {
  it("warns, never refuses, when a month's deductions pass the wage share; only HR sees wages", async () => {
    const types = Object.fromEntries(
      (await t.ok('rewards.catalog', {})).types.map((ty) => [ty.code, ty.id]),
    );
    // The base wage is HR's alone.
    expect(await ok('hrstaff', 'rewards.wages.set', { staffId: wang, baseWage: '4500' })).toEqual({
      staffId: wang,
      baseWageFen: 450000,
    });
    for (const who of ['boss', 'lead1', 'admin'])
      expect(await call(who, 'rewards.wages.get', { staffId: wang })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });

    const deduction = (amount: string) =>
      ok(
        'lead1',
        'rewards.records.propose',
        proposal('qa_failed', { typeId: types.deduction, amount }),
      );
    const first = await deduction('600');
    expect((await ok('boss', 'rewards.records.get', { id: first.id })).warnings).toEqual([]);
    await ok('boss', 'rewards.records.approve', { id: first.id });

    // ¥600 + ¥400 of ¥4,500 is 22.2%: past 20%, said as a share, never as the wage.
    const second = await deduction('400');
    const seen = await ok('boss', 'rewards.records.get', { id: second.id });
    expect(seen.warnings).toEqual([
      { key: 'wageShare', params: { month: '2026-11', percent: 23, limit: 20 } },
    ]);
    expect(JSON.stringify(seen)).not.toContain('450000');
    // The proposer, who cannot approve, is not warned.
    expect((await ok('lead1', 'rewards.records.get', { id: second.id })).warnings).toEqual([]);
    const approved = await ok('boss', 'rewards.records.approve', { id: second.id });
    expect(approved.state).toBe('approved');
    const audit = await t.ok('audit.list', { entity: 'reward_record', page: 1 });
    const entry = audit.rows.find(
      (r) => r.entityId === String(second.id) && r.action === 'approve',
    );
    expect(entry?.after).toMatchObject({ warnings: [{ key: 'wageShare' }] });

    // A wider share set by the administrator: no warning for the next small one.
    await ok('admin', 'rewards.updateSettings', { deductionShareLimit: 30 });
    const third = await deduction('50');
    expect((await ok('boss', 'rewards.records.get', { id: third.id })).warnings).toEqual([]);
    expect(await call('boss', 'rewards.updateSettings', { deductionShareLimit: 50 })).toMatchObject(
      {
        ok: false,
        error: { code: 'forbidden' },
      },
    );
  });

  it('warns when the type was published to staff after the event', async () => {
    const catalog = await t.ok('rewards.catalog', {});
    const written = catalog.types.find((ty) => ty.code === 'written_warning')!;
    await ok('admin', 'rewards.catalog.saveType', {
      ...written,
      defaultAmount: '0',
      publishedOn: '2026-11-18',
    });
    const record = await ok('lead1', 'rewards.records.propose', proposal('valid_complaint'));
    expect((await ok('boss', 'rewards.records.get', { id: record.id })).warnings).toEqual([
      { key: 'publishedAfter', params: { publishedOn: '2026-11-18' } },
    ]);
  });
});

describe('the what-if preview', () => {
  it('replays a month under draft rules and type defaults beside what it had, writing nothing', async () => {
    const early = (await t.ok('org.shiftTypes.list', {})).find((s) => s.code === 'E')!.id;
    const late = async (staffId: number, date: string) => {
      await t.ok('org.schedule.assign', { cells: [{ staffId, date, value: early }] });
      await t.ok('attendance.rollCall', {
        date,
        shiftTypeId: early,
        entries: [{ staffId, mark: 'late', arrivedAt: `${date} 08:25` }],
      });
    };
    for (const day of ['2026-11-02', '2026-11-03', '2026-11-04']) await late(wang, day);
    for (const day of ['2026-11-05', '2026-11-06']) await late(zhao, day);
    const rules = await t.ok('attendance.rules', {});
    expect(rules.lateCountForPenalty).toBe(3);
    const verbal = (await t.ok('rewards.catalog', {})).types.find(
      (ty) => ty.code === 'verbal_warning',
    )!;

    const before = t.digest();
    const preview = await ok('boss', 'rewards.whatIf', {
      month: '2026-11',
      rules: { ...rules, lateCountForPenalty: 2 },
      types: [{ typeId: verbal.id, defaultPoints: -2, defaultAmount: '50' }],
    });
    expect(t.digest()).toBe(before);
    // As it was: 王芳's three lates made one proposal (a verbal warning, −1, no money).
    expect(preview.totals.actual).toEqual({ proposals: 1, points: -1, amountFen: 0 });
    // A stricter rule catches 赵强's two as well, each now −2 and ¥50.
    expect(preview.totals.draft).toEqual({ proposals: 2, points: -4, amountFen: 10000 });
    expect(preview.people.map((p) => [p.name, p.actual.proposals, p.draft.proposals])).toEqual([
      ['王芳', 1, 1],
      ['赵强', 0, 1],
    ]);
    expect(await call('lead1', 'rewards.whatIf', { month: '2026-11', rules })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('the monthly report and payroll pack as files', () => {
  it('HR exports them in the user’s language, with money as numbers to the fen', async () => {
    const types = Object.fromEntries(
      (await t.ok('rewards.catalog', {})).types.map((ty) => [ty.code, ty.id]),
    );
    const approved = async (extra: Partial<Input<'rewards.records.propose'>>) => {
      const { id } = await ok('lead1', 'rewards.records.propose', proposal('praise_letter', extra));
      await ok('boss', 'rewards.records.approve', { id });
    };
    await approved({ typeId: types.bonus, amount: '200.10' });
    await approved({ reasonId: reasons.qa_failed, typeId: types.deduction, amount: '12.35' });
    const load = async (file: { contentBase64: string }) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
      return workbook;
    };
    const values = (sheet: ExcelJS.Worksheet, row: number) =>
      (sheet.getRow(row).values as unknown[]).slice(1);

    const report = await ok('hrstaff', 'rewards.exportReport', {
      month: '2026-11',
      format: 'xlsx',
      language: 'zh-CN',
    });
    expect(report.fileName).toBe('奖惩月报-2026年11月.xlsx');
    const book = await load(report);
    expect(book.worksheets.map((s) => s.name)).toEqual(['奖惩汇总', '班组汇总', '事由统计']);
    const people = book.getWorksheet('奖惩汇总')!;
    expect(values(people, 1)).toEqual([
      '工号',
      '姓名',
      '班组',
      '奖惩记录数',
      '奖励金额（元）',
      '扣款金额（元）',
      '净额（元）',
      '加分',
      '减分',
      '奖金（条）',
      '扣款（条）',
    ]);
    expect(values(people, 2)).toEqual([
      'KF1',
      '王芳',
      '客服一组',
      2,
      200.1,
      12.35,
      187.75,
      2,
      0,
      1,
      1,
    ]);
    expect(people.getCell(2, 5).numFmt).toBe('#,##0.00');
    const csv = await ok('hrstaff', 'rewards.exportReport', {
      month: '2026-11',
      format: 'csv',
      language: 'en-US',
    });
    const lines = Buffer.from(csv.contentBase64, 'base64')
      .subarray(3)
      .toString('utf8')
      .split('\r\n');
    expect(lines[0]).toBe(
      'Employee no.,Name,Team,Records,Rewards (yuan),Deductions (yuan),Net (yuan),Points gained,Points lost,Bonus (count),Pay deduction (count)',
    );
    expect(lines[1]).toBe('KF1,王芳,客服一组,2,200.10,12.35,187.75,2,0,1,1');

    const pack = await ok('hrstaff', 'rewards.payrollPack', {
      month: '2026-11',
      language: 'en-US',
    });
    expect(pack.fileName).toBe('Payroll pack-November 2026.xlsx');
    const sheets = await load(pack);
    // A sheet per team with anyone to pay: 赵强's team has neither shifts nor 奖惩 this month.
    expect(sheets.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Rewards and penalties',
      '客服一组',
    ]);
    const team = sheets.getWorksheet('客服一组')!;
    expect(values(team, 1)).toEqual([
      'Employee no.',
      'Name',
      'Scheduled',
      'Worked',
      'Late arrivals',
      'Absent days',
      'Records',
      'Rewards (yuan)',
      'Deductions (yuan)',
      'Net (yuan)',
      'Points gained',
      'Points lost',
    ]);
    expect(values(team, 2)).toEqual(['KF1', '王芳', 0, 0, 0, 0, 2, 200.1, 12.35, 187.75, 2, 0]);
    // Supervisors do not export payroll files.
    expect(
      await call('lead1', 'rewards.payrollPack', { month: '2026-11', language: 'zh-CN' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
