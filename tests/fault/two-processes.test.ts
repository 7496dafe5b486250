import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataLayer } from '../../db/data-layer';
import { verifyAuditChain } from '../../db/queries/audit/trail';
import { DATABASE_FILE_NAME } from '../../db/store';
import { SESSION_HEADER, type Result } from '../../shared/contract';
import { isAlive, killStarted, startNode, startScript, type Started } from '../helpers/processes';

/**
 * Two processes writing one data folder at once: the browser-mode console (out/main/host.js, as
 * built) and a second backend behind the same loopback host in a process of its own (what a second
 * console or a tool beside it is to the database). Every write must wait its turn and succeed,
 * none may be lost, and the audit chain, whose append reads the last hash and inserts, stays one
 * chain.
 */
const ADMIN = { username: 'admin', displayName: '张主任', password: 'correct horse battery' };

interface Remote {
  process: Started;
  url: string;
  token: string;
  session: string;
  call(channel: string, input: unknown): Promise<Result<unknown>>;
}

function remote(process: Started, url: string, token: string): Remote {
  const r: Remote = {
    process,
    url,
    token,
    session: '',
    async call(channel, input) {
      const response = await fetch(`${url}/api/${channel}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          [SESSION_HEADER]: r.session,
        },
        body: JSON.stringify(input),
      });
      return (await response.json()) as Result<unknown>;
    },
  };
  return r;
}

async function startConsole(dataDir: string): Promise<Remote> {
  const host = startNode([join('out', 'main', 'host.js'), '--data-dir', dataDir, '--no-open']);
  const launch = (await host.line(/#token=/)).trim();
  const [url, token] = launch.split('/#token=') as [string, string];
  return remote(host, url, token);
}

async function startSecondBackend(dataDir: string): Promise<Remote> {
  const child = startScript(join('tests', 'fault', 'host-process.ts'), [dataDir]);
  const [, url, token] = (await child.line(/^listening /)).split(' ') as [string, string, string];
  return remote(child, url, token);
}

async function signIn(r: Remote) {
  const result = await r.call('accounts.signIn', {
    username: ADMIN.username,
    password: ADMIN.password,
  });
  if (!result.ok) throw new Error(`sign-in failed: ${JSON.stringify(result.error)}`);
  r.session = (result.value as { token: string }).token;
}

const failures = (results: Result<unknown>[]) =>
  results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error));

let dataDir: string;
let a: Remote;
let b: Remote;

beforeAll(async () => {
  if (!existsSync(join('out', 'main', 'host.js')))
    throw new Error('out/main/host.js is missing: run npx electron-vite build first');
  dataDir = mkdtempSync(join(tmpdir(), 'console-two-'));
  a = await startConsole(dataDir);
  const setup = await a.call('accounts.setup', ADMIN);
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  a.session = (setup.value as { token: string }).token;
  const team = await a.call('org.teams.create', { name: '客服一组' });
  if (!team.ok) throw new Error(JSON.stringify(team.error));
  b = await startSecondBackend(dataDir);
  await signIn(b);
}, 60_000);

afterAll(async () => {
  const pids = [a?.process.pid, b?.process.pid].filter((p): p is number => !!p);
  await killStarted();
  for (const pid of pids) expect(isAlive(pid), `process ${pid} outlived the test`).toBe(false);
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * One write of two kinds, alternating: a team (writes first), and a staff member in team 1 (reads
 * the team first, then writes: the kind a deferred transaction could not upgrade).
 */
const write = (r: Remote, tag: string, i: number) =>
  i % 2 === 0
    ? r.call('org.teams.create', { name: tag })
    : r.call('org.staff.create', { employeeNo: tag, name: '王芳', teamId: 1, position: 'agent' });

/** Every team name and employee number in the file. */
function writtenTags(): Set<string> {
  const raw = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return new Set([
      ...(raw.prepare('select name from teams').pluck().all() as string[]),
      ...(raw.prepare('select employee_no from staff').pluck().all() as string[]),
    ]);
  } finally {
    raw.close();
  }
}

/** The whole trail is one chain: each entry links to the one before, and no two share a parent. */
async function expectOneChain() {
  const layer = await DataLayer.open(dataDir, { dailyBackup: false });
  try {
    const report = await verifyAuditChain(layer.db);
    expect(report).toMatchObject({ ok: true, firstBadId: null });
    const forks = layer.store.sqlite
      .prepare('select prev_hash, count(*) n from audit_log group by prev_hash having n > 1')
      .all();
    expect(forks, 'two entries chained to the same parent').toEqual([]);
    return report.entries;
  } finally {
    await layer.close();
  }
}

const auditCount = () => {
  const raw = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return Number(raw.prepare('select count(*) from audit_log').pluck().get());
  } finally {
    raw.close();
  }
};

describe('two processes on one data folder', () => {
  it('2 × 200 parallel writes: every one succeeds, none is lost, the audit chain is one', async () => {
    const entriesBefore = auditCount();
    const burst = (r: Remote, prefix: string) =>
      Promise.all(Array.from({ length: 200 }, (_, i) => write(r, `${prefix}-${i}`, i)));
    const [fromA, fromB] = await Promise.all([burst(a, 'A'), burst(b, 'B')]);
    expect(failures(fromA)).toEqual([]);
    expect(failures(fromB)).toEqual([]);
    const written = writtenTags();
    for (let i = 0; i < 200; i++) {
      expect(written.has(`A-${i}`), `A-${i} lost`).toBe(true);
      expect(written.has(`B-${i}`), `B-${i} lost`).toBe(true);
    }
    const entries = await expectOneChain();
    expect(entries - entriesBefore).toBe(400); // one audit entry per write, none lost or doubled
  }, 120_000);

  it('2 × 500 sequential writes: every one succeeds, none is lost, the audit chain is one', async () => {
    const entriesBefore = auditCount();
    const oneByOne = async (r: Remote, prefix: string) => {
      const results: Result<unknown>[] = [];
      for (let i = 0; i < 500; i++) results.push(await write(r, `${prefix}-seq-${i}`, i));
      return results;
    };
    const [fromA, fromB] = await Promise.all([oneByOne(a, 'A'), oneByOne(b, 'B')]);
    expect(failures(fromA)).toEqual([]);
    expect(failures(fromB)).toEqual([]);
    const written = writtenTags();
    for (let i = 0; i < 500; i++) {
      expect(written.has(`A-seq-${i}`), `A-seq-${i} lost`).toBe(true);
      expect(written.has(`B-seq-${i}`), `B-seq-${i} lost`).toBe(true);
    }
    const entries = await expectOneChain();
    expect(entries - entriesBefore).toBe(1000);
  }, 180_000);

  it('cannot fork the audit chain: an append waits for the other process’s and chains onto it', async () => {
    const holder = startScript(join('tests', 'fault', 'audit-holder.ts'), [dataDir, '1000']);
    await holder.line(/^holding$/);
    // The holder has read the last hash and appended, and not committed: this write must wait.
    let answeredAt = 0;
    const pending = a
      .call('org.staff.create', { employeeNo: 'FORK1', name: '李娜', teamId: 1, position: 'agent' })
      .then((r) => ((answeredAt = Date.now()), r));
    await holder.line(/^committed$/);
    const committedAt = Date.now();
    expect(await pending).toMatchObject({ ok: true });
    expect(answeredAt).toBeGreaterThanOrEqual(committedAt - 50);
    await holder.exited;
    const raw = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
    const [held, next] = raw
      .prepare('select id, username, prev_hash, hash from audit_log order by id desc limit 2')
      .all()
      .reverse() as { username: string; prev_hash: string; hash: string }[];
    raw.close();
    expect(held!.username).toBe('holder');
    expect(next!.prev_hash).toBe(held!.hash);
    await expectOneChain();
  }, 60_000);
});
