import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type Channel, type Output } from '../../../shared/contract';
import { createBackend, handlers, type Backend } from '../../../electron/backend';
import {
  preparedHandler,
  type Handler,
  type Handlers,
} from '../../../electron/backend/core/context';
import { fieldFailure } from '../../../electron/backend/core/errors';
import { createTeam } from '../../../electron/backend/modules/org/teams';
import { nightShift } from '../../helpers/fixtures';
import { holdWriteLock } from '../../helpers/processes';
import { FAST_SCRYPT, sessionOf, tempStore, type TestStore } from '../../helpers/store';

/**
 * The transaction a handler runs in comes from its channel's declared kind. These handlers stand
 * in for real ones to see what each kind allows; the rest of the table is the real one.
 */
let t: TestStore;
let logged: unknown[];
const admin = sessionOf('admin');

function backendWith(overrides: Partial<Handlers>): Backend {
  return createBackend(
    t.data,
    { version: 'test', dataDir: t.dir },
    {
      handlers: { ...handlers, ...overrides } as Handlers,
      passwordCost: FAST_SCRYPT,
      log: (_message, error) => logged.push(error),
    },
  );
}

const queryOnly = () => t.store.sqlite.pragma('query_only', { simple: true });

beforeEach(async () => {
  t = await tempStore();
  logged = [];
});
afterEach(() => t.close());

describe('a read channel', () => {
  it('is declared read', () => {
    expect(contract['org.teams.list'].transaction).toBe('read');
    expect(contract['audit.list'].transaction).toBe('read');
  });

  it('cannot write: a handler that tries fails, and nothing is written', async () => {
    const before = t.digest();
    const backend = backendWith({
      'org.teams.list': async (ctx) => {
        await ctx.db
          .insertInto('teams')
          .values({
            name: '偷偷写入',
            description: null,
            lead_staff_id: null,
            created_at: ctx.now,
            updated_at: ctx.now,
          })
          .execute();
        return [];
      },
    });
    const result = await backend.callAs('org.teams.list', {}, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(String(logged[0])).toMatch(/readonly database/);
    expect(t.digest()).toBe(before);
  });

  it('cannot write to the audit trail either', async () => {
    const before = t.digest();
    const backend = backendWith({
      'audit.verify': async (ctx) => {
        await ctx.audit({ action: 'export', entity: 'audit' });
        return { ok: true, entries: 0, firstBadId: null, keyed: true, anchors: [] };
      },
    });
    expect(await backend.callAs('audit.verify', {}, admin)).toMatchObject({ ok: false });
    expect(String(logged[0])).toMatch(/readonly database/);
    expect(t.digest()).toBe(before);
  });

  it('leaves the connection writable afterwards, whether the handler succeeded or failed', async () => {
    const backend = backendWith({
      'org.shiftTypes.list': async () => {
        throw new Error('a bug in a read handler');
      },
    });
    expect(await backend.callAs('org.shiftTypes.list', {}, admin)).toMatchObject({ ok: false });
    expect(queryOnly()).toBe(0);
    expect(await backend.callAs('org.teams.list', {}, admin)).toMatchObject({ ok: true });
    expect(queryOnly()).toBe(0);
    expect(await backend.callAs('org.teams.create', { name: '客服一组' }, admin)).toMatchObject({
      ok: true,
    });
  });
});

describe('each kind', () => {
  const seen = new Map<Channel, boolean>();
  const record =
    <C extends Channel>(channel: C, answer: Output<C>): Handler<C> =>
    async (ctx) => {
      seen.set(channel, ctx.db.isTransaction);
      return answer;
    };

  it('runs read and write channels in a transaction, none channels outside one', async () => {
    const backend = backendWith({
      'org.teams.list': record('org.teams.list', []),
      'org.teams.create': record('org.teams.create', {
        id: 1,
        name: '客服一组',
        description: null,
        leadStaffId: null,
        leadName: null,
        activeStaff: 0,
      }),
      'backups.create': record('backups.create', {
        name: 'console-20261122-083000-manual.sqlite',
        takenAt: '2026-11-22T00:30:00.000Z',
        reason: 'manual',
        bytes: 1,
        mirror: null,
      }),
    });
    for (const channel of ['org.teams.list', 'org.teams.create', 'backups.create'] as const) {
      const input = channel === 'org.teams.create' ? { name: '客服一组' } : {};
      expect(await backend.callAs(channel, input, admin)).toMatchObject({ ok: true });
    }
    expect(Object.fromEntries(seen)).toEqual({
      'org.teams.list': true,
      'org.teams.create': true,
      'backups.create': false,
    });
  });

  it('writes a none channel’s audit entry in a transaction of its own', async () => {
    const result = await t.call('backups.create', {});
    expect(result.ok).toBe(true);
    const audit = await t.ok('audit.list', { entity: 'backup' });
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ action: 'backup', entity: 'backup' });
  });
});

describe('a write channel', () => {
  it('takes the write lock before it reads, so it waits for another process instead of failing', async () => {
    const backend = backendWith({
      // Reads first, then writes: a deferred transaction could not upgrade once the other wrote.
      'org.teams.create': async (ctx, input) => {
        const before = await ctx.db.selectFrom('settings').select('key').execute();
        const team = await ctx.db
          .insertInto('teams')
          .values({
            name: input.name,
            description: null,
            lead_staff_id: null,
            created_at: ctx.now,
            updated_at: ctx.now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return {
          id: team.id,
          name: `${input.name} after ${before.length}`,
          description: null,
          leadStaffId: null,
          leadName: null,
          activeStaff: 0,
        };
      },
    });
    const other = holdWriteLock(
      t.store.file,
      "insert into settings (key, value, updated_at) values ('other-process', '1', 'now')",
      400,
    );
    await other.locked;
    const result = await backend.callAs('org.teams.create', { name: '客服一组' }, admin);
    expect(await other.exited).toBe(0);
    // It read after the other process committed: its snapshot includes the other's row.
    const settings = Number(t.store.sqlite.prepare('select count(*) from settings').pluck().get());
    expect(result, JSON.stringify(logged)).toMatchObject({
      ok: true,
      value: { name: `客服一组 after ${settings}` },
    });
  });
});

describe('a handler with a prepare step', () => {
  it('does its slow work before the transaction: other calls go on meanwhile', async () => {
    let release: () => void = () => {};
    const slowWork = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const backend = backendWith({
      'org.teams.create': preparedHandler<'org.teams.create', string>({
        async prepare(_ctx, input) {
          await slowWork; // stands for parsing a file or hashing a password
          order.push('prepared');
          return `${input.name}（整理后）`;
        },
        run: (ctx, _input, name) => createTeam(ctx, { name, description: null, leadStaffId: null }),
      }),
    });
    const slow = backend.callAs('org.teams.create', { name: '客服一组' }, admin);
    const other = await backend.callAs('org.shiftTypes.create', nightShift({ code: 'N2' }), admin);
    order.push('other write done');
    release();
    expect(await slow).toMatchObject({ ok: true, value: { name: '客服一组（整理后）' } });
    expect(other).toMatchObject({ ok: true });
    expect(order).toEqual(['other write done', 'prepared']);
  });

  it('writes nothing when the prepare step refuses', async () => {
    const before = t.digest();
    const backend = backendWith({
      'org.teams.create': preparedHandler<'org.teams.create', string>({
        prepare: async () => {
          throw fieldFailure('name', 'validation.required');
        },
        run: (ctx, _input, name) => createTeam(ctx, { name, description: null, leadStaffId: null }),
      }),
    });
    const result = await backend.callAs('org.teams.create', { name: '客服一组' }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    expect(t.digest()).toBe(before);
  });
});
