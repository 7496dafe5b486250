import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/backend';
import { CHANNELS, ERROR_CODES, contract, type Channel } from '../../shared/contract';
import { ROLES, type Role } from '../../shared/domain/org';
import { seedOneTeam } from '../helpers/fixtures';
import { tempStore, type TestStore } from '../helpers/store';

/**
 * Property: whatever arrives on a channel from a role that may call it, the backend answers with
 * a valid result or a structured error, never a crash; an input the channel's schema refuses is
 * refused by validation (invalid_input), not by anything before it; and a refused call leaves the
 * database exactly as it was. Callers are real accounts of each role, so the role check passes
 * and the input reaches validation on every channel (admins may not call the handover's).
 */
const RUNS_PER_CHANNEL = 30; // × every channel: well over 1,000 inputs in all
const MALFORMED_AT_LEAST = 1000;

/** Inputs shaped like the real ones, with any field swapped for anything. */
const SAMPLE: Partial<Record<Channel, Record<string, unknown>>> = {
  'org.staff.create': {
    employeeNo: 'KF9',
    name: '王芳',
    position: 'agent',
    teamId: 1,
    hireDate: '2025-01-01',
  },
  'org.staff.update': {
    id: 1,
    employeeNo: 'KF1',
    name: '王芳',
    position: 'agent',
    status: 'active',
  },
  'org.staff.list': { search: '王', teamId: 1, status: 'active', page: 1, pageSize: 20 },
  'org.schedule.assign': { cells: [{ staffId: 1, date: '2026-11-16', value: 1 }] },
  'org.schedule.copyWeek': { teamId: 1, fromWeekStart: '2026-11-09', toWeekStart: '2026-11-16' },
  'org.shiftTypes.create': {
    code: 'Z',
    name: '弹性',
    startTime: '10:00',
    endTime: '19:00',
    breakMinutes: 60,
    lateGraceMinutes: 5,
    earlyLeaveGraceMinutes: 5,
    color: '#123456',
  },
  'accounts.users.create': {
    username: 'fuzz',
    displayName: 'F',
    role: 'supervisor',
    password: 'long enough',
  },
  'accounts.signIn': { username: 'admin', password: 'x' },
  'audit.list': { entity: 'staff', from: '2026-01-01', page: 1 },
  // Exports need a language; seeded so mutations reach past it into the file writers.
  'audit.export': { entity: 'staff', language: 'zh-CN' },
  'attendance.export': { month: '2026-11', kind: 'detail', format: 'xlsx', language: 'en-US' },
  'handover.exportItems': { format: 'csv', language: 'zh-CN' },
  'audit.rows': { entryId: 1, offset: 0, limit: 50 },
  'org.staff.import': { fileName: 'a.csv', contentBase64: 'AAAA' },
  'org.teams.update': { id: 1, name: '客服一组', leadStaffId: 1 },
};

const mutated = (sample: Record<string, unknown>) =>
  fc
    .dictionary(
      fc.constantFrom(...Object.keys(sample)),
      fc.anything({ maxDepth: 2, withNullPrototype: true }),
      { maxKeys: 3 },
    )
    .map((changes) => ({ ...sample, ...changes }));

const inputFor = (channel: Channel) =>
  fc.oneof(
    fc.anything({ maxDepth: 3 }),
    fc.object({ maxDepth: 2 }),
    ...(SAMPLE[channel] ? [mutated(SAMPLE[channel])] : []),
  );

let t: TestStore;
const sessions = {} as Record<Role, Session>;
const malformed = new Map<Channel, number>();
beforeAll(async () => {
  t = await tempStore();
  await seedOneTeam(t);
  for (const role of ROLES) {
    const user = await t.ok('accounts.users.create', {
      username: `fuzz-${role}`,
      displayName: `fuzz ${role}`,
      role,
      password: 'correct horse',
    });
    sessions[role] = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role,
    };
  }
});
afterAll(() => t.close());

describe('fuzzing every channel as a role that may call it', () => {
  it.each(CHANNELS)(
    '%s answers anything with a result or a structured error, malformed input with invalid_input',
    async (channel) => {
      let calls = 0;
      const roles = contract[channel].roles;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...roles), inputFor(channel), async (role, input) => {
          calls++;
          const before = t.digest();
          const result = await t.backend.callAs(channel, input, sessions[role]);
          if (!contract[channel].input.safeParse(input).success) {
            malformed.set(channel, (malformed.get(channel) ?? 0) + 1);
            expect(result, `${role} sent ${channel} a malformed input`).toMatchObject({
              ok: false,
              error: { code: 'invalid_input', key: 'errors.invalid_input' },
            });
            expect(t.digest(), `refused ${channel} call changed the database`).toBe(before);
            return;
          }
          if (result.ok) {
            expect(() => contract[channel].output.parse(result.value)).not.toThrow();
            return;
          }
          expect(ERROR_CODES).toContain(result.error.code);
          expect(result.error.code).not.toBe('internal');
          expect(typeof result.error.message).toBe('string');
          expect(typeof result.error.key).toBe('string');
          // A failed sign-in is the one refusal that writes, by design: it is counted and audited.
          if (channel === 'accounts.signIn' && result.error.code === 'unauthorized') return;
          expect(t.digest(), `refused ${channel} call changed the database`).toBe(before);
        }),
        { numRuns: RUNS_PER_CHANNEL },
      );
      expect(calls).toBe(RUNS_PER_CHANNEL);
      expect(malformed.get(channel) ?? 0, 'no malformed input reached validation').toBeGreaterThan(
        0,
      );
    },
    60_000,
  );

  it(`refused at least ${MALFORMED_AT_LEAST} malformed inputs by validation`, () => {
    const total = [...malformed.values()].reduce((a, b) => a + b, 0);
    console.log(
      `fuzz: ${total} malformed inputs refused by validation over ${CHANNELS.length} channels`,
    );
    expect(malformed.size).toBe(CHANNELS.length);
    expect(total).toBeGreaterThanOrEqual(MALFORMED_AT_LEAST);
  });
});
