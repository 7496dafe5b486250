import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, Input, Result } from '../../../shared/contract';
import { tempStore, type TestStore } from '../../helpers/store';

/**
 * Team scope end to end through the backend, with real accounts signed in: a supervisor sees and
 * writes only the teams they lead; managers see all; a supervisor with no team sees none.
 */
let t: TestStore;
let team1: number;
let team2: number;
let wang: number; // 王芳, team 1
let li: number; // 李娜, team 1
let zhao: number; // 赵强, team 2
let early: number;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};
const DAY = '2026-11-16';

async function account(username: string, role: 'supervisor' | 'manager', teamIds: number[]) {
  const user = await t.ok('accounts.users.create', {
    username,
    displayName: username,
    role,
    teamIds,
    password: 'correct horse 9',
  });
  ids[username] = user.id;
  const signedIn = await t.backend.call(
    'accounts.signIn',
    { username, password: 'correct horse 9' },
    null,
  );
  if (!signedIn.ok) throw new Error(JSON.stringify(signedIn.error));
  tokens[username] = (signedIn.value as { token: string }).token;
}

/** Calls as a signed-in account, through its token: the session carries its teams. */
const as = <C extends Channel>(who: string, channel: C, input: Input<C>) =>
  t.backend.call(channel, input, tokens[who]!) as Promise<Result<never>>;

async function value<C extends Channel>(who: string, channel: C, input: Input<C>) {
  const result = await t.backend.call(channel, input, tokens[who]!);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as never as import('../../../shared/contract').Output<C>;
}

const otherTeam = { ok: false, error: { code: 'forbidden', key: 'errors.otherTeam' } };
const noTeams = { ok: false, error: { code: 'forbidden', key: 'errors.noTeams' } };

beforeEach(async () => {
  t = await tempStore();
  team1 = (await t.ok('org.teams.create', { name: '客服一组' })).id;
  team2 = (await t.ok('org.teams.create', { name: '客服二组' })).id;
  const add = async (employeeNo: string, name: string, teamId: number) =>
    (await t.ok('org.staff.create', { employeeNo, name, teamId, position: 'agent' })).id;
  wang = await add('KF1', '王芳', team1);
  li = await add('KF2', '李娜', team1);
  zhao = await add('KF3', '赵强', team2);
  early = (await t.ok('org.shiftTypes.list', {})).find((s) => s.code === 'E')!.id;
  await t.ok('org.schedule.assign', {
    cells: [wang, li, zhao].map((staffId) => ({ staffId, date: DAY, value: early })),
  });
  await account('lead1', 'supervisor', [team1]);
  await account('lead2', 'supervisor', [team2]);
  await account('newlead', 'supervisor', []);
  await account('boss', 'manager', []);
});
afterEach(() => t.close());

describe('a supervisor reaches only their own teams', () => {
  it("refuses another team's shift, people and schedule, writing nothing", async () => {
    const before = t.digest();
    expect(
      await as('lead1', 'attendance.shift', { date: DAY, shiftTypeId: early, teamId: team2 }),
    ).toMatchObject(otherTeam);
    expect(
      await as('lead1', 'attendance.rollCall', {
        date: DAY,
        shiftTypeId: early,
        entries: [{ staffId: zhao, mark: 'absent' }],
      }),
    ).toMatchObject(otherTeam);
    expect(
      await as('lead1', 'attendance.correct', {
        staffId: zhao,
        date: DAY,
        clockIn: `${DAY} 08:00`,
        reason: '补录',
      }),
    ).toMatchObject(otherTeam);
    expect(
      await as('lead1', 'attendance.leave', {
        staffId: zhao,
        from: DAY,
        to: DAY,
        leaveTypeId: 1,
        reason: '病假',
      }),
    ).toMatchObject(otherTeam);
    expect(
      await as('lead1', 'attendance.swap', {
        staffAId: wang,
        staffBId: zhao,
        dates: [DAY],
        reason: '互换',
      }),
    ).toMatchObject(otherTeam);
    expect(
      await as('lead1', 'org.schedule.assign', {
        cells: [{ staffId: zhao, date: DAY, value: 'rest' }],
      }),
    ).toMatchObject(otherTeam);
    expect(
      await as('lead1', 'org.schedule.week', { teamId: team2, weekStart: '2026-11-16' }),
    ).toMatchObject(otherTeam);
    expect(
      await as('lead1', 'attendance.summary', { month: '2026-11', teamId: team2 }),
    ).toMatchObject(otherTeam);
    expect(t.digest()).toBe(before);
  });

  it('lists only their teams where the call names none', async () => {
    const shift = await value('lead1', 'attendance.shift', { date: DAY, shiftTypeId: early });
    expect(shift.people.map((p) => p.name)).toEqual(['王芳', '李娜']);
    expect(shift.counts.scheduled).toBe(2);

    const day = await value('lead1', 'org.schedule.day', { date: DAY });
    expect(day.shifts.flatMap((s) => s.staff.map((p) => p.name))).toEqual(['王芳', '李娜']);

    await value('lead2', 'attendance.rollCall', {
      date: DAY,
      shiftTypeId: early,
      entries: [{ staffId: zhao, mark: 'absent' }],
    });
    const summary = await value('lead1', 'attendance.summary', { month: '2026-11' });
    expect(summary.people.map((p) => p.name).sort()).toEqual(['李娜', '王芳'].sort());
    expect(summary.teams.map((x) => x.teamId)).toEqual([team1]);
    const grid = await value('lead1', 'attendance.month', { month: '2026-11' });
    expect(grid.people.map((p) => p.name)).not.toContain('赵强');
    expect(grid.records).toEqual([]);
    expect(await value('lead1', 'attendance.proposals', { month: '2026-11' })).toEqual([]);
    // The manager sees every team.
    const all = await value('boss', 'attendance.shift', { date: DAY, shiftTypeId: early });
    expect(all.people.map((p) => p.name)).toEqual(['王芳', '李娜', '赵强']);
    expect((await value('boss', 'attendance.proposals', { month: '2026-11' })).length).toBe(1);
  });

  it("keeps another team's handovers and pending items out of reach", async () => {
    const h = await value('lead2', 'handover.start', {
      date: DAY,
      shiftTypeId: early,
      teamId: team2,
    });
    await value('lead2', 'handover.addItem', {
      handoverId: h.id,
      category: 'complaint',
      description: '二组客户投诉回电',
    });
    const item = (await value('lead2', 'handover.get', { id: h.id })).items[0]!;
    const before = t.digest();
    expect(await as('lead1', 'handover.get', { id: h.id })).toMatchObject(otherTeam);
    expect(
      await as('lead1', 'handover.start', { date: DAY, shiftTypeId: early, teamId: team2 }),
    ).toMatchObject(otherTeam);
    expect(
      await as('lead1', 'handover.save', {
        id: h.id,
        queue: {
          offered: null,
          answered: null,
          abandoned: null,
          serviceLevel: null,
          ahtSeconds: null,
        },
      }),
    ).toMatchObject(otherTeam);
    expect(
      await as('lead1', 'handover.updateItem', {
        id: item.id,
        category: 'complaint',
        description: '改写',
        status: 'in_progress',
      }),
    ).toMatchObject(otherTeam);
    expect(t.digest()).toBe(before);
    expect((await value('lead1', 'handover.list', {})).rows).toEqual([]);
    expect(await value('lead1', 'handover.openItems', {})).toEqual([]);
    expect((await value('lead2', 'handover.list', {})).rows.map((r) => r.id)).toEqual([h.id]);
    expect((await value('boss', 'handover.openItems', {})).map((i) => i.id)).toEqual([item.id]);
    // Handed to lead1 by name, it is theirs to read and answer.
    await value('lead2', 'handover.submit', { id: h.id, incomingUserId: ids.lead1! });
    expect((await value('lead1', 'handover.get', { id: h.id })).id).toBe(h.id);
    expect((await value('lead1', 'handover.list', {})).rows.map((r) => r.id)).toEqual([h.id]);
  });

  it('takes new teams at once, on the desk where the supervisor is signed in', async () => {
    expect(
      await as('lead1', 'attendance.shift', { date: DAY, shiftTypeId: early, teamId: team2 }),
    ).toMatchObject(otherTeam);
    await t.ok('accounts.users.update', {
      id: ids.lead1!,
      displayName: 'lead1',
      role: 'supervisor',
      active: true,
      teamIds: [team1, team2],
    });
    const shift = await value('lead1', 'attendance.shift', {
      date: DAY,
      shiftTypeId: early,
      teamId: team2,
    });
    expect(shift.people.map((p) => p.name)).toEqual(['赵强']);
  });
});

describe('a supervisor with no team', () => {
  it('sees none and writes none, told that no team is assigned', async () => {
    const before = t.digest();
    for (const [channel, input] of [
      ['attendance.shift', { date: DAY, shiftTypeId: early }],
      ['attendance.summary', { month: '2026-11' }],
      ['attendance.swaps', { month: '2026-11' }],
      ['handover.list', {}],
      ['handover.openItems', {}],
      ['org.schedule.day', { date: DAY }],
      ['handover.start', { date: DAY, shiftTypeId: early, teamId: team1 }],
      [
        'attendance.rollCall',
        { date: DAY, shiftTypeId: early, entries: [{ staffId: wang, mark: 'present' }] },
      ],
    ] as const)
      expect(await as('newlead', channel, input as never), channel).toMatchObject(noTeams);
    expect(t.digest()).toBe(before);
  });
});

describe('accounts', () => {
  it('link a user to their staff record and a supervisor to teams', async () => {
    const user = await t.ok('accounts.users.create', {
      username: 'wangfang',
      displayName: '王芳',
      role: 'supervisor',
      staffId: wang,
      teamIds: [team2, team1, team2],
      password: 'correct horse 9',
    });
    expect(user).toMatchObject({ staffId: wang, teamIds: [team1, team2] });
    expect((await t.ok('accounts.users.list', {})).find((u) => u.id === user.id)).toMatchObject({
      teamIds: [team1, team2],
    });
  });

  it('refuse teams for roles that see every team, a team that does not exist, a person with an account', async () => {
    const before = t.digest();
    const base = { displayName: '某人', password: 'correct horse 9' };
    expect(
      await t.call('accounts.users.create', {
        ...base,
        username: 'mgr2',
        role: 'manager',
        teamIds: [team1],
      }),
    ).toMatchObject({
      ok: false,
      error: {
        field: 'teamIds',
        key: 'errors.invalid_input',
        issues: [{ key: 'validation.teamsForSupervisors' }],
      },
    });
    expect(
      await t.call('accounts.users.create', {
        ...base,
        username: 'sup9',
        role: 'supervisor',
        teamIds: [99],
      }),
    ).toMatchObject({ ok: false, error: { field: 'teamIds.0', key: 'errors.unknownTeam' } });
    await t.ok('accounts.users.create', { ...base, username: 'zhao1', role: 'hr', staffId: zhao });
    const mid = t.digest();
    expect(
      await t.call('accounts.users.create', {
        ...base,
        username: 'zhao2',
        role: 'hr',
        staffId: zhao,
      }),
    ).toMatchObject({ ok: false, error: { field: 'staffId', key: 'errors.staffHasAccount' } });
    expect(t.digest()).toBe(mid);
    expect(before).not.toBe(mid);
  });
});
