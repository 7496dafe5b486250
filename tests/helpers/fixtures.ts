import type { Input } from '../../shared/contract';
import type { TestStore } from './store';

type ShiftTypeInput = Input<'org.shiftTypes.create'>;

/** A night shift that crosses midnight, 22:00–08:00, as many centers run it; its code is the caller's. */
export const nightShift = (fields: Partial<ShiftTypeInput> & { code: string }): ShiftTypeInput => ({
  name: '大夜班',
  startTime: '22:00',
  endTime: '08:00',
  breakMinutes: 60,
  lateGraceMinutes: 5,
  earlyLeaveGraceMinutes: 5,
  color: '#722ed1',
  ...fields,
});

/** The smallest center every channel can work on: team 1 (客服一组) with staff 1 (王芳, KF1). */
export async function seedOneTeam(t: Pick<TestStore, 'ok'>) {
  await t.ok('org.teams.create', { name: '客服一组' });
  await t.ok('org.staff.create', { employeeNo: 'KF1', name: '王芳', teamId: 1, position: 'agent' });
}
