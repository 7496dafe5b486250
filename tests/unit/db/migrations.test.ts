import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { migrate, openStore, SchemaTooNewError } from '../../../db/store';
import { openConnection } from '../../../db/sqlite';
import {
  checkedMigrations,
  LATEST_SCHEMA_VERSION,
  migrations,
  type Migration,
} from '../../../db/migrations';
import type { DB } from '../../../db/schema';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-db-'));
  dirs.push(dir);
  return join(dir, 'nested', 'console.sqlite');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the store', () => {
  it('migrates an empty file to the latest schema with the default shifts', async () => {
    const file = tempFile();
    const store = await openStore(file);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const tables = store.sqlite
      .prepare("select name from sqlite_master where type='table' order by name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining(['schedule_entries', 'shift_types', 'staff', 'teams']),
    );
    const shifts = store.sqlite
      .prepare('select name, start_time, end_time from shift_types order by id')
      .all();
    expect(shifts).toEqual([
      { name: '早班', start_time: '08:00', end_time: '16:00' },
      { name: '中班', start_time: '16:00', end_time: '24:00' },
      { name: '夜班', start_time: '00:00', end_time: '08:00' },
    ]);
    await store.close();
  });

  it('opens with the durability and integrity pragmas on', async () => {
    const store = await openStore(tempFile());
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    await store.close();
  });

  it('reopens a migrated file without migrating again', async () => {
    const file = tempFile();
    const first = await openStore(file);
    first.sqlite
      .prepare("insert into teams (name, created_at, updated_at) values ('客服一组', 'x', 'x')")
      .run();
    await first.close();
    const second = await openStore(file);
    expect(second.sqlite.prepare('select count(*) from teams').pluck().get()).toBe(1);
    expect(second.sqlite.prepare('select count(*) from shift_types').pluck().get()).toBe(3);
    await second.close();
  });

  it('refuses a database written by a newer console and leaves it untouched', async () => {
    const file = tempFile();
    (await openStore(file)).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    await expect(openStore(file)).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(openStore(file)).rejects.toThrow(/newer version of the console/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    check.close();
  });

  it('enforces the schema rules in SQL too: foreign keys and a left date for staff who left', async () => {
    const store = await openStore(tempFile());
    const insert = store.sqlite.prepare(
      "insert into staff (employee_no, name, team_id, position, status, left_on, created_at, updated_at) values (?, '王芳', ?, 'agent', ?, ?, 'x', 'x')",
    );
    expect(() => insert.run('KF1', 999, 'active', null)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('KF1', null, 'left', null)).toThrow(/CHECK/);
    expect(() => insert.run('KF1', null, 'boss', null)).toThrow(/CHECK/);
    insert.run('KF1', null, 'left', '2026-01-01');
    await store.close();
  });
});

it('rolls a failing migration back whole: no half-made tables, version unchanged', async () => {
  const sqlite = openConnection(tempFile());
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const broken = {
    version: migrations.length + 1,
    name: 'broken',
    async up(trx: Kysely<unknown>) {
      await sql`create table half_made (id integer)`.execute(trx);
      throw new Error('disk full');
    },
  };
  await expect(migrate(db, sqlite, [...migrations, broken])).rejects.toThrow('disk full');
  expect(sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
  expect(
    sqlite.prepare("select count(*) from sqlite_master where name = 'half_made'").pluck().get(),
  ).toBe(0);
  await db.destroy();
});

it('keeps every attendance record, proposal and evidence row when 缺卡 widens the status check', async () => {
  const sqlite = openConnection(tempFile());
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const upTo = migrations.findIndex((m) => m.name === 'missing punch');
  await migrate(db, sqlite, migrations.slice(0, upTo));
  const now = '2026-11-16T08:00:00.000Z';
  sqlite.exec(`insert into teams (id, name, created_at, updated_at) values (1, '一组', '${now}', '${now}');
    insert into staff (id, employee_no, name, team_id, position, status, created_at, updated_at)
      values (7, 'KF7', '王芳', 1, 'agent', 'active', '${now}', '${now}');
    insert into attendance_records (id, staff_id, work_date, status, absence_days, source, recorded_by, created_at, updated_at)
      values (41, 7, '2026-11-16', 'absent', 1, 'roll_call', 'lead', '${now}', '${now}');
    insert into penalty_proposals (id, staff_id, month, rule, rule_key, state, created_at, updated_at)
      values (3, 7, '2026-11', 'absence', 'absence:41', 'proposed', '${now}', '${now}');
    insert into penalty_proposal_evidence values (3, 41);`);
  expect(() =>
    sqlite.exec(`update attendance_records set status = 'missing_punch' where id = 41`),
  ).toThrow(/CHECK/);

  await migrate(db, sqlite);
  expect(sqlite.prepare('select id, status from attendance_records').all()).toEqual([
    { id: 41, status: 'absent' },
  ]);
  expect(sqlite.prepare('select * from penalty_proposal_evidence').all()).toEqual([
    { proposal_id: 3, attendance_id: 41 },
  ]);
  sqlite.exec(`update attendance_records set status = 'missing_punch' where id = 41`);
  sqlite.exec(`update penalty_proposals set rule = 'missing_punch_count' where id = 3`);
  expect(() => sqlite.exec(`update attendance_records set status = 'odd' where id = 41`)).toThrow(
    /CHECK/,
  );
  // The foreign keys still hold, and new ids follow the old ones.
  expect(sqlite.prepare('pragma foreign_key_check').all()).toEqual([]);
  expect(() => sqlite.exec('delete from attendance_records where id = 41')).toThrow(/FOREIGN KEY/);
  sqlite.exec(`insert into attendance_records (staff_id, work_date, status, source, recorded_by, created_at, updated_at)
    values (7, '2026-11-17', 'present', 'import', 'lead', '${now}', '${now}')`);
  expect(sqlite.prepare('select max(id) from attendance_records').pluck().get()).toBe(42);
  await db.destroy();
});

describe('the migration list', () => {
  const folder = join(__dirname, '..', '..', '..', 'db', 'migrations');
  const files = readdirSync(folder).filter((f) => f !== 'index.ts');

  it('names every migration file NNNN-name.ts, numbered 1…N without gaps or reuse', () => {
    for (const file of files) expect(file).toMatch(/^\d{4}-[a-z0-9-]+\.ts$/);
    const numbers = files.map((f) => Number(f.slice(0, 4))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it("gives each file's migration the version its name says, and lists every file once, in order", async () => {
    const fromFiles: Migration[] = [];
    for (const file of files) {
      const exported = Object.values(await import(join(folder, file))) as Migration[];
      expect(exported, file).toHaveLength(1);
      expect(exported[0]!.version, file).toBe(Number(file.slice(0, 4)));
      fromFiles.push(exported[0]!);
    }
    fromFiles.sort((a, b) => a.version - b.version);
    expect(migrations).toEqual(fromFiles);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(files.length);
  });

  it('refuses a list that reuses or skips a version', () => {
    const step = (version: number) => ({ version, name: `v${version}`, up: async () => {} });
    expect(() => checkedMigrations([step(1), step(2)])).not.toThrow();
    expect(() => checkedMigrations([step(1), step(1)])).toThrow(/version 1; expected 2/);
    expect(() => checkedMigrations([step(1), step(3)])).toThrow(/version 3; expected 2/);
    expect(() => checkedMigrations([step(2), step(1)])).toThrow(/expected 1/);
  });
});

describe('the search index migration', () => {
  it('re-indexes text written before it, so Extension B characters and emoji are found', async () => {
    const file = tempFile();
    const before = await openStore(file, { migrations: migrations.slice(0, 5) });
    // As the old index held it: the default tokenizer (emoji dropped), Extension B pairs unspaced.
    before.sqlite.exec(
      "drop table handover_search; create virtual table handover_search using fts5(body, tokenize = 'unicode61')",
    );
    before.sqlite
      .prepare('insert into handover_search (rowid, body) values (?, ?)')
      .run(7, '回 访 𠮷𠀀 先 生 服 务 🎉 很 好');
    const match = (s: typeof before, q: string) =>
      s.sqlite
        .prepare('select rowid from handover_search where handover_search match ?')
        .pluck()
        .all(q);
    expect(match(before, '"🎉"')).toEqual([]);
    await before.close();
    const after = await openStore(file);
    expect(after.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    for (const q of ['"𠮷"', '"𠀀 先 生"', '"🎉"', '"务 🎉 很"'])
      expect(match(after, q), q).toEqual([7]);
    await after.close();
  });
});

describe('a closed month', () => {
  it('is locked in the file: its records and schedule refuse insert, update and delete until reopened', async () => {
    const store = await openStore(tempFile());
    const now = '2026-11-16T08:00:00.000Z';
    store.sqlite
      .exec(`insert into teams (id, name, created_at, updated_at) values (1, '一组', '${now}', '${now}');
      insert into staff (id, employee_no, name, team_id, position, status, created_at, updated_at)
        values (7, 'KF7', '王芳', 1, 'agent', 'active', '${now}', '${now}');
      insert into schedule_entries (staff_id, work_date, shift_type_id, updated_at) values (7, '2026-10-31', null, '${now}');
      insert into attendance_records (id, staff_id, work_date, status, absence_days, source, recorded_by, created_at, updated_at)
        values (41, 7, '2026-10-31', 'absent', 1, 'roll_call', 'lead', '${now}', '${now}');
      insert into attendance_months (month, closed_at, closed_by) values ('2026-10', '${now}', 'hr');`);
    const run = (statement: string) => () => store.sqlite.exec(statement);
    const refused = /the month is closed/;
    expect(run("update attendance_records set status = 'present' where id = 41")).toThrow(refused);
    expect(run('delete from attendance_records where id = 41')).toThrow(refused);
    // Moved out of the closed month, or into it from an open one: refused either way.
    expect(run("update attendance_records set work_date = '2026-11-01' where id = 41")).toThrow(
      refused,
    );
    expect(
      run(`insert into attendance_records (staff_id, work_date, status, absence_days, source, recorded_by, created_at, updated_at)
        values (7, '2026-10-30', 'present', 0, 'roll_call', 'lead', '${now}', '${now}')`),
    ).toThrow(refused);
    expect(
      run("update schedule_entries set shift_type_id = null where work_date = '2026-10-31'"),
    ).toThrow(refused);
    expect(run("delete from schedule_entries where work_date = '2026-10-31'")).toThrow(refused);
    // The open month next to it takes writes as before.
    run(
      `insert into schedule_entries (staff_id, work_date, shift_type_id, updated_at) values (7, '2026-11-01', null, '${now}')`,
    )();
    // Reopened, the month takes corrections again.
    run("delete from attendance_months where month = '2026-10'")();
    run("update attendance_records set status = 'present', absence_days = 0 where id = 41")();
    expect(
      store.sqlite.prepare('select status from attendance_records where id = 41').pluck().get(),
    ).toBe('present');
    await store.close();
  });
});
