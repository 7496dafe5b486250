import type { Channel, Input, Output, Result } from '../../shared/contract';
import { formatDate } from '../../shared/domain/time';
import type { TestStore } from '../helpers/store';

/** The handover suites' people and data: three leads and a night team of four with its roll-call. */

export const A = {
  username: 'zhang',
  displayName: '张主管',
  role: 'supervisor',
  password: 'correct horse 1',
} as const;
export const B = {
  username: 'lihua',
  displayName: '李主管',
  role: 'supervisor',
  password: 'correct horse 2',
} as const;
export const MANAGER = {
  username: 'wang',
  displayName: '王经理',
  role: 'manager',
  password: 'correct horse 3',
} as const;
export interface Account {
  username: string;
  displayName: string;
  password: string;
}

export const COMPLAINT = '客户投诉宽带安装延误，需回电说明';
export const FAULT = 'CRM 工单系统查询缓慢，已报 IT 跟进';

export const today = () => formatDate(new Date());

/** Three users, a team of four on night shifts, and those shifts' roll-call: one absent, one late. */
export async function seed(store: TestStore, ...dates: string[]) {
  const team = await store.ok('org.teams.create', { name: '客服一组' });
  // The two supervisors lead the team; the manager sees every team.
  for (const user of [A, B, MANAGER])
    await store.ok('accounts.users.create', {
      ...user,
      teamIds: user.role === 'supervisor' ? [team.id] : [],
    });
  const staff = [];
  for (const [i, name] of ['王芳', '李娜', '张伟', '刘洋'].entries()) {
    staff.push(
      await store.ok('org.staff.create', {
        employeeNo: `KF10${i + 1}`,
        name,
        teamId: team.id,
        position: 'agent',
      }),
    );
  }
  const shifts = await store.ok('org.shiftTypes.list', {});
  const night = shifts.find((s) => s.name === '夜班')!;
  const early = shifts.find((s) => s.name === '早班')!;
  const middle = shifts.find((s) => s.name === '中班')!;
  for (const date of dates) {
    await store.ok('org.schedule.assign', {
      cells: staff.map((s) => ({ staffId: s.id, date, value: night.id })),
    });
    await store.ok('attendance.rollCall', {
      date,
      shiftTypeId: night.id,
      teamId: team.id,
      entries: [
        { staffId: staff[0]!.id, mark: 'present' },
        { staffId: staff[1]!.id, mark: 'late', arrivedAt: `${date} 00:25` },
        { staffId: staff[2]!.id, mark: 'absent' },
        { staffId: staff[3]!.id, mark: 'present' },
      ],
    });
  }
  return { team, night, early, middle };
}

/** A user's own backend session, as the renderer would have after signing in. */
export async function sessionOf(store: TestStore, user: Account) {
  const result = (await store.backend.call(
    'accounts.signIn',
    { username: user.username, password: user.password },
    null,
  )) as Result<Output<'accounts.signIn'>>;
  if (!result.ok) throw new Error(`sign-in failed: ${JSON.stringify(result.error)}`);
  const token = result.value.token;
  return async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const r = (await store.backend.call(channel, input, token)) as Result<Output<C>>;
    if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  };
}

export async function userId(store: TestStore, user: Account) {
  const users = await store.ok('accounts.users.list', {});
  return users.find((u) => u.username === user.username)!.id;
}
