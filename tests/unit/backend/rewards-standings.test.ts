import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/backend/core/context';
import type { Channel, Input, Output, Result } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/org';
import { tempStore, type TestStore } from '../../helpers/store';

/**
 * `rewards.standings`, everyone's balance and active warnings in one query, against
 * `rewards.person` asked person by person: the same figures on every day, before and after an
 * expiry and a revocation, for the people on the roster that day; a supervisor's only their teams.
 */
let t: TestStore;
let clock: Date;
let team1: number;
let team2: number;
const staff: Record<string, number> = {};
const as: Record<string, Session> = {};
let reasons: Record<string, number>;

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

/** Proposed by one manager, approved by the other. */
async function approved(
  person: string,
  reason: string,
  eventDate: string,
  reduced?: { points: number; reason: string },
) {
  const record = await ok('boss2', 'rewards.records.propose', {
    staffId: staff[person]!,
    eventDate,
    reasonId: reasons[reason]!,
    description: '详见质检录音',
  });
  await ok('boss', 'rewards.records.approve', { id: record.id, ...reduced });
  return record.id;
}

/** What `rewards.person` says of each person, in the shape a standing has. */
async function oneByOne(asOf: string, staffIds: readonly number[]) {
  const out = [];
  for (const staffId of staffIds) {
    const p = await ok('boss', 'rewards.person', { staffId, asOf });
    out.push({ staffId, balance: p.balance, warnings: p.warnings });
  }
  return out;
}

beforeEach(async () => {
  clock = new Date(2026, 10, 20, 10, 0);
  t = await tempStore({ clock: () => clock });
  team1 = (await t.ok('org.teams.create', { name: '客服一组' })).id;
  team2 = (await t.ok('org.teams.create', { name: '客服二组' })).id;
  const add = async (
    key: string,
    employeeNo: string,
    name: string,
    teamId: number | null,
    hireDate: string | null = null,
  ) => {
    staff[key] = (
      await t.ok('org.staff.create', { employeeNo, name, teamId, position: 'agent', hireDate })
    ).id;
  };
  await add('wang', 'KF1', '王芳', team1);
  await add('li', 'KF2', '李娜', team1);
  await add('zhao', 'KF3', '赵强', team2);
  await add('chen', 'KF4', '陈静', null);
  await add('new', 'KF10', '新人', team1, '2026-09-01');
  await account('lead1', 'supervisor', [team1]);
  await account('boss', 'manager');
  await account('boss2', 'manager');
  await account('hrstaff', 'hr');
  const catalog = await t.ok('rewards.catalog', {});
  reasons = Object.fromEntries(catalog.reasons.map((r) => [r.code, r.id]));

  // 王芳: a written warning (six months), an old lateness long expired, a letter of praise.
  await approved('wang', 'absence', '2026-06-10');
  await approved('wang', 'late', '2026-08-01');
  await approved('wang', 'praise_letter', '2026-11-02');
  // 李娜: a valid complaint revoked today, and a lateness approved at no points (a warning
  // without a ledger event).
  const complaint = await approved('li', 'valid_complaint', '2026-10-05');
  await approved('li', 'late', '2026-11-03', { points: 0, reason: '初犯，只作警告' });
  // 赵强: a failed quality check approved, another still proposed, a third rejected.
  await approved('zhao', 'qa_failed', '2026-11-10');
  await ok('boss2', 'rewards.records.propose', {
    staffId: staff.zhao!,
    eventDate: '2026-11-12',
    reasonId: reasons.qa_failed!,
    description: '待复核',
  });
  const rejected = await ok('boss2', 'rewards.records.propose', {
    staffId: staff.zhao!,
    eventDate: '2026-11-13',
    reasonId: reasons.absence!,
    description: '系统误报',
  });
  await ok('boss', 'rewards.records.reject', { id: rejected.id, reason: '已请假' });
  // 陈静, of no team: a letter of praise; 新人, hired in September: a lateness.
  await approved('chen', 'praise_letter', '2026-07-01');
  await approved('new', 'late', '2026-10-20');
  await ok('hrstaff', 'rewards.runExpiry', {});
  await ok('boss', 'rewards.records.revoke', { id: complaint, reason: '投诉经复核不成立' });
});
afterEach(() => t.close());

const DAYS = [
  '2026-06-09',
  '2026-06-10',
  '2026-08-01',
  '2026-10-05',
  '2026-10-31',
  '2026-11-01',
  '2026-11-19',
  '2026-11-20',
  '2026-12-09',
  '2026-12-10',
  '2027-01-05',
];

describe('the standings of all', () => {
  it('equal rewards.person for each person on every day, through expiry and revocation', async () => {
    for (const asOf of DAYS) {
      const all = await ok('boss', 'rewards.standings', { asOf });
      expect(all.asOf).toBe(asOf);
      const ids = all.people.map((p) => p.staffId);
      expect(
        all.people.map(({ staffId, balance, warnings }) => ({ staffId, balance, warnings })),
        asOf,
      ).toEqual(await oneByOne(asOf, ids));
    }
    // Time moves on past the written warning's six months: the day's run writes its expiry.
    clock = new Date(2026, 11, 15, 9, 0);
    for (const asOf of ['2026-12-09', '2026-12-10', '2026-12-15']) {
      const all = await ok('boss', 'rewards.standings', { asOf });
      const ids = all.people.map((p) => p.staffId);
      expect(
        all.people.map(({ staffId, balance, warnings }) => ({ staffId, balance, warnings })),
      ).toEqual(await oneByOne(asOf, ids));
    }
  });

  it('say what each had on the day: balances, warnings gravest first with their fall-off day', async () => {
    const day = await ok('hrstaff', 'rewards.standings', { asOf: '2026-11-19' });
    expect(day.people.map((p) => [p.employeeNo, p.teamName, p.balance])).toEqual([
      ['KF1', '客服一组', -1], // −3 written, +2 praise; the lateness expired on 11-01
      ['KF2', '客服一组', -3], // the complaint, not yet revoked; the lateness at 0 points
      ['KF10', '客服一组', -1],
      ['KF3', '客服二组', -1],
      ['KF4', null, 2],
    ]);
    const wang = day.people.find((p) => p.staffId === staff.wang)!;
    expect(wang.warnings).toMatchObject([
      { step: 'written', typeZh: '书面警告', from: '2026-06-10', fallsOffOn: '2026-12-10' },
    ]);
    const li = day.people.find((p) => p.staffId === staff.li)!;
    expect(li.warnings.map((w) => [w.step, w.fallsOffOn])).toEqual([
      ['written', '2027-04-05'],
      ['verbal', '2027-02-03'],
    ]);
    // Revoked today: from today the complaint counts for nothing, nor its warning.
    const today = await ok('hrstaff', 'rewards.standings', {});
    expect(today.asOf).toBe('2026-11-20');
    const liToday = today.people.find((p) => p.staffId === staff.li)!;
    expect(liToday).toMatchObject({ balance: 0, warnings: [{ step: 'verbal' }] });
    // Before September the newcomer was not on the roster.
    const june = await ok('hrstaff', 'rewards.standings', { asOf: '2026-06-10' });
    expect(june.people.map((p) => p.employeeNo)).toEqual(['KF1', 'KF2', 'KF3', 'KF4']);
    expect(june.people[0]).toMatchObject({ balance: -3, warnings: [{ step: 'written' }] });
  });
});

describe('the standings and team scope', () => {
  it("keep a supervisor to their teams and refuse another team's, writing nothing", async () => {
    const own = await ok('lead1', 'rewards.standings', { asOf: '2026-11-19' });
    expect(own.people.map((p) => p.staffId)).toEqual([staff.wang, staff.li, staff.new]);
    const asked = await ok('lead1', 'rewards.standings', { asOf: '2026-11-19', teamId: team1 });
    expect(asked).toEqual(own);
    const before = t.digest();
    expect(await call('lead1', 'rewards.standings', { teamId: team2 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(t.digest()).toBe(before);
  });

  it('give a manager one team when asked, every team and no team otherwise', async () => {
    const two = await ok('boss', 'rewards.standings', { asOf: '2026-11-19', teamId: team2 });
    expect(two.people.map((p) => p.staffId)).toEqual([staff.zhao]);
    const all = await ok('boss', 'rewards.standings', { asOf: '2026-11-19' });
    expect(all.people).toHaveLength(5);
  });
});
