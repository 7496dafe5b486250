import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/backend/core/context';
import type { Channel, Input, Output, Result } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/org';
import { tempStore, type TestStore } from '../../helpers/store';

/**
 * A record's evidence as its chips show it (the queue and the detail): each link's day, its
 * status or rule or category, whose it is, and a handover item's handover — so the chip can say
 * 迟到 · 11-16 and open the attendance day or the handover.
 */
let t: TestStore;
let clock: Date;
let team: number;
let wang: number;
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

async function ok<C extends Channel>(who: string, channel: C, input: Input<C>) {
  const result = (await t.call(channel, input, as[who]!)) as Result<Output<C>>;
  if (!result.ok) throw new Error(`${channel} as ${who}: ${JSON.stringify(result.error)}`);
  return result.value;
}

beforeEach(async () => {
  clock = new Date(2026, 10, 20, 10, 0);
  t = await tempStore({ clock: () => clock });
  team = (await t.ok('org.teams.create', { name: '客服一组' })).id;
  wang = (
    await t.ok('org.staff.create', {
      employeeNo: 'KF1',
      name: '王芳',
      teamId: team,
      position: 'agent',
    })
  ).id;
  await account('lead1', 'supervisor', [team]);
  await account('boss', 'manager');
});
afterEach(() => t.close());

describe('evidence chips', () => {
  it('carry the attendance day and status, and the handover an item was written in', async () => {
    const shifts = await t.ok('org.shiftTypes.list', {});
    const early = shifts.find((s) => s.code === 'E')!.id;
    await t.ok('org.schedule.assign', { cells: [{ staffId: wang, date: DAY, value: early }] });
    const shift = await ok('lead1', 'attendance.rollCall', {
      date: DAY,
      shiftTypeId: early,
      entries: [{ staffId: wang, mark: 'late', arrivedAt: `${DAY} 08:25` }],
    });
    const attendanceId = shift.people[0]!.record!.id;
    const handover = await ok('lead1', 'handover.start', {
      date: DAY,
      shiftTypeId: early,
      teamId: team,
    });
    const withItem = await ok('lead1', 'handover.addItem', {
      handoverId: handover.id,
      category: 'complaint',
      description: '客户投诉服务态度',
    });
    const itemId = withItem.items[0]!.id;
    const catalog = await t.ok('rewards.catalog', {});
    const late = catalog.reasons.find((r) => r.code === 'late')!.id;

    const record = await ok('lead1', 'rewards.records.propose', {
      staffId: wang,
      eventDate: DAY,
      reasonId: late,
      description: '迟到 25 分钟',
      evidence: [
        { entity: 'handover_item', entityId: itemId },
        { entity: 'attendance_record', entityId: attendanceId },
      ],
    });
    const expected = [
      {
        entity: 'attendance_record',
        entityId: attendanceId,
        date: DAY,
        label: 'late',
        staffId: wang,
        handoverId: null,
      },
      {
        entity: 'handover_item',
        entityId: itemId,
        date: DAY,
        label: 'complaint',
        staffId: null,
        handoverId: handover.id,
      },
    ];
    expect(record.evidence).toEqual(expected);
    expect((await ok('boss', 'rewards.records.get', { id: record.id })).evidence).toEqual(expected);
    // The manager's queue shows the same chips, one click from each row.
    const waiting = (await ok('boss', 'rewards.queue', {})).waiting;
    expect(waiting.map((r) => [r.id, r.evidence])).toEqual([[record.id, expected]]);
  });

  it('carry an attendance proposal’s month and rule when the rules filed it', async () => {
    const shifts = await t.ok('org.shiftTypes.list', {});
    const early = shifts.find((s) => s.code === 'E')!.id;
    await t.ok('org.schedule.assign', { cells: [{ staffId: wang, date: DAY, value: early }] });
    await ok('lead1', 'attendance.rollCall', {
      date: DAY,
      shiftTypeId: early,
      entries: [{ staffId: wang, mark: 'absent' }],
    });
    const filed = await ok('lead1', 'rewards.fromAttendance', { month: '2026-11' });
    expect(filed.created).toBe(1);
    const [row] = (await ok('boss', 'rewards.queue', {})).waiting;
    expect(row!.source).toBe('attendance');
    expect(row!.evidence).toEqual([
      expect.objectContaining({ entity: 'attendance_proposal', date: '2026-11', label: 'absence' }),
      expect.objectContaining({
        entity: 'attendance_record',
        date: DAY,
        label: 'absent',
        staffId: wang,
      }),
    ]);
  });
});
