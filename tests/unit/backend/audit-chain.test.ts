import { execFile } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataLayer } from '../../../db/data-layer';
import { migrations } from '../../../db/migrations';
import type { DB } from '../../../db/schema';
import { openConnection, queryBuilderOver } from '../../../db/sqlite';
import { DATABASE_FILE_NAME, migrate } from '../../../db/store';
import { createBackend } from '../../../electron/backend';
import { sessionOf, tempStore, type TestStore } from '../../helpers/store';

let t: TestStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(() => t.close());

const teams = async (...names: string[]) => {
  for (const name of names) await t.ok('org.teams.create', { name });
};

interface Row {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}
const body = (r: Row) =>
  JSON.stringify([r.at, r.user_id, r.username, r.action, r.entity, r.entity_id, r.before, r.after]);
/** The chain's published formula before it was keyed: anyone can recompute it. */
const sha256Link = (prev: string, r: Row) =>
  createHash('sha256').update(prev).update('\n').update(body(r)).digest('hex');

/** Someone with a SQLite tool: drops the guards and runs what they like on the file. */
function tamper(file: string, work: (raw: Database.Database) => void) {
  const raw = new Database(file);
  raw.exec(
    'drop trigger if exists audit_log_no_update; drop trigger if exists audit_log_no_delete',
  );
  work(raw);
  raw.close();
}

/** Rewrites every row's links with a formula of the forger's choosing, from the genesis value. */
function relink(raw: Database.Database, link: (prev: string, r: Row) => string) {
  let prev = '0'.repeat(64);
  for (const r of raw.prepare('select * from audit_log order by id').all() as Row[]) {
    const hash = link(prev, r);
    raw.prepare('update audit_log set prev_hash = ?, hash = ? where id = ?').run(prev, hash, r.id);
    prev = hash;
  }
}

describe('the keyed audit chain', () => {
  it('detects a cut-off tail: the live chain no longer reaches its anchored head', async () => {
    await teams('一组', '二组', '三组', '四组', '五组');
    expect(await t.ok('audit.verify', {})).toMatchObject({ ok: true, entries: 5 });
    tamper(t.store.file, (raw) => raw.prepare('delete from audit_log where id > 3').run());
    const report = await t.ok('audit.verify', {});
    expect(report).toMatchObject({ ok: false, entries: 3 });
    expect(report.anchors).toContainEqual(
      expect.objectContaining({ source: 'head', status: 'behind', lastId: 5, count: 5 }),
    );
  });

  it('detects rows deleted and re-attributed with the links recomputed, without the key', async () => {
    await teams('一组', '二组', '三组', '四组');
    tamper(t.store.file, (raw) => {
      raw.prepare('delete from audit_log where id = 2').run();
      raw.prepare("update audit_log set username = 'someone-else' where id = 3").run();
      relink(raw, sha256Link);
    });
    expect(await t.ok('audit.verify', {})).toMatchObject({ ok: false, firstBadId: 1 });

    // A key of the forger's own makes no difference: the MAC needs the console's key.
    const forgersKey = randomBytes(32);
    tamper(t.store.file, (raw) =>
      relink(raw, (prev, r) =>
        createHmac('sha256', forgersKey)
          .update(`${prev}\n${body(r)}`)
          .digest('hex'),
      ),
    );
    expect(await t.ok('audit.verify', {})).toMatchObject({ ok: false, firstBadId: 1 });
  });

  it('detects a trail rewritten as an unkeyed one ending in a forged switch-over entry', async () => {
    await teams('一组', '二组', '三组');
    tamper(t.store.file, (raw) => {
      raw.prepare('delete from audit_log where id = 3').run();
      raw
        .prepare(
          "insert into audit_log (at, user_id, username, action, entity, entity_id, before, after, prev_hash, hash) values (?, null, 'system', 'chain_keyed', 'audit', null, null, null, '', '')",
        )
        .run(new Date().toISOString());
      relink(raw, sha256Link);
    });
    // Every link checks out as the old unkeyed formula, so only the anchor outside the file shows it.
    const report = await t.ok('audit.verify', {});
    expect(report.ok).toBe(false);
    expect(report.firstBadId).toBeNull();
    expect(report.anchors).toContainEqual(
      expect.objectContaining({ source: 'head', status: 'behind' }),
    );
  });

  it('detects a rollback: an old copy of the file put back in place', async () => {
    await teams('一组', '二组');
    t.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const oldCopy = join(t.dir, 'old-copy.sqlite');
    copyFileSync(t.store.file, oldCopy);
    await teams('三组', '四组');
    await t.data.close();

    for (const suffix of ['-wal', '-shm']) rmSync(t.store.file + suffix, { force: true });
    copyFileSync(oldCopy, join(t.dir, DATABASE_FILE_NAME));
    const reopened = await DataLayer.open(t.dir, { dailyBackup: false });
    try {
      const report = await reopened.verifyAudit();
      expect(report).toMatchObject({ ok: false, entries: 2, firstBadId: null });
      expect(report.anchors).toContainEqual(
        expect.objectContaining({ source: 'head', status: 'behind', lastId: 4 }),
      );
    } finally {
      await reopened.close();
    }
  });

  it('keeps the head beside the database after each commit that appended, signed with the key', async () => {
    const headFile = join(t.dir, 'audit-head.json');
    await teams('一组');
    const head = JSON.parse(readFileSync(headFile, 'utf8')) as Record<string, unknown>;
    expect(head).toMatchObject({ lastId: 1, count: 1 });
    // A read changes nothing.
    const before = statSync(headFile).mtimeMs;
    await t.ok('org.teams.list', {});
    expect(statSync(headFile).mtimeMs).toBe(before);
    await teams('二组');
    expect(JSON.parse(readFileSync(headFile, 'utf8'))).toMatchObject({ lastId: 2, count: 2 });

    // A head file edited to match a truncated trail does not carry the key's signature.
    tamper(t.store.file, (raw) => raw.prepare('delete from audit_log where id = 2').run());
    const first = t.store.sqlite.prepare('select hash from audit_log where id = 1').pluck().get();
    const current = JSON.parse(readFileSync(headFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(headFile, JSON.stringify({ ...current, lastId: 1, count: 1, mac: first }));
    const report = await t.ok('audit.verify', {});
    expect(report.ok).toBe(false);
    expect(report.anchors).toContainEqual(
      expect.objectContaining({ source: 'head', status: 'forged' }),
    );
  });

  it('anchors the head after parallel actions too: the last write sees every commit', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.ok('org.teams.create', { name: `组${i}` })),
    );
    const head = JSON.parse(readFileSync(join(t.dir, 'audit-head.json'), 'utf8')) as object;
    expect(head).toMatchObject({ lastId: 20, count: 20 });
    expect(await t.ok('audit.verify', {})).toMatchObject({ ok: true, entries: 20 });
  });

  it('keeps its key outside the database, in an owner-only file, and out of the backups', async () => {
    await teams('一组');
    const keyFile = join(t.dir, 'audit-key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const { file } = await t.data.backup('manual');
    const bytes = readFileSync(keyFile, 'utf8').trim();
    expect(readFileSync(t.store.file).includes(bytes)).toBe(false);
    expect(readFileSync(file).includes(bytes)).toBe(false);
    // A second process on the same folder uses the same key: its entries verify here.
    const other = await DataLayer.open(t.dir, { dailyBackup: false });
    expect(other.auditKey.mac('x')).toBe(t.data.auditKey.mac('x'));
    await other.close();
  });

  it('npm run audit:check compares the live chain with its head and the newest backup', async () => {
    await teams('一组', '二组', '三组');
    await t.data.backup('manual');
    await teams('四组');
    const check = () =>
      promisify(execFile)(
        join(process.cwd(), 'node_modules', '.bin', 'tsx'),
        ['scripts/audit-check.ts', '--data-dir', t.dir],
        { timeout: 60_000 },
      ).then(
        ({ stdout }) => ({ code: 0, out: stdout }),
        (e: { code: number; stdout: string; stderr: string }) => ({
          code: e.code,
          out: e.stdout + e.stderr,
        }),
      );
    const intact = await check();
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/Audit chain intact: 4 entries/);

    // The head file lost too: the newest backup still shows the cut.
    tamper(t.store.file, (raw) => raw.prepare('delete from audit_log where id > 2').run());
    rmSync(join(t.dir, 'audit-head.json'));
    const cut = await check();
    expect(cut.code).toBe(1);
    expect(cut.out).toMatch(/newest backup.*console-.*-manual\.sqlite/i);
  }, 90_000);
});

describe('a trail from before the key', () => {
  it('keeps its hash chain up to a marked switch-over entry; the entries after it are keyed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-legacy-'));
    try {
      // A console of the version before: schema 4, an unkeyed chain of three entries.
      const file = join(dir, DATABASE_FILE_NAME);
      const sqlite = openConnection(file);
      const db = queryBuilderOver<DB>(sqlite);
      await migrate(db, sqlite, migrations.slice(0, 4));
      let prev = '0'.repeat(64);
      for (const name of ['一组', '二组', '三组']) {
        const row = {
          at: new Date().toISOString(),
          user_id: null,
          username: 'admin',
          action: 'create',
          entity: 'team',
          entity_id: null,
          before: null,
          after: JSON.stringify({ name }),
        };
        const hash = sha256Link(prev, { id: 0, ...row });
        await db
          .insertInto('audit_log')
          .values({ ...row, action: 'create', entity: 'team', prev_hash: prev, hash })
          .execute();
        prev = hash;
      }
      await db.destroy();

      const layer = await DataLayer.open(dir, { dailyBackup: false });
      const actions = () =>
        layer.store.sqlite.prepare('select action from audit_log').pluck().all();
      expect(actions()).toEqual(['create', 'create', 'create', 'chain_keyed']);
      expect(await layer.verifyAudit()).toMatchObject({ ok: true, entries: 4 });
      const backend = createBackend(layer, { version: 'test', dataDir: dir }, { log: () => {} });
      expect(
        await backend.callAs('org.teams.create', { name: '四组' }, sessionOf('admin')),
      ).toMatchObject({ ok: true });
      expect(await layer.verifyAudit()).toMatchObject({ ok: true, entries: 5 });

      // An old entry edited is found as before.
      tamper(file, (raw) => raw.prepare("update audit_log set username = 'x' where id = 2").run());
      expect(await layer.verifyAudit()).toMatchObject({ ok: false, firstBadId: 2 });
      // Recomputing the old links up to the switch-over: the first keyed entry no longer links.
      tamper(file, (raw) => {
        let link = '0'.repeat(64);
        for (const r of raw
          .prepare('select * from audit_log where id <= 4 order by id')
          .all() as Row[]) {
          const hash = sha256Link(link, r);
          raw
            .prepare('update audit_log set prev_hash = ?, hash = ? where id = ?')
            .run(link, hash, r.id);
          link = hash;
        }
      });
      expect(await layer.verifyAudit()).toMatchObject({ ok: false, firstBadId: 5 });
      await layer.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
