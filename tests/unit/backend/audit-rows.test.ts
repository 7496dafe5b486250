import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TestStore } from '../../helpers/store';

/**
 * A bulk action (an import of thousands of rows) is one audit entry that opens to its rows, and
 * the entry's keyed MAC covers them: a row edited, removed or slipped in fails the check.
 */
let t: TestStore;
let staff: { id: number; employeeNo: string }[];
let clock: { fileName: string; contentBase64: string };

const PEOPLE = 100;
const DAYS = 20;
const dates = Array.from({ length: DAYS }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);

beforeEach(async () => {
  t = await tempStore();
  await t.ok('org.teams.create', { name: '客服一组' });
  const roster = [
    '工号,姓名,班组,岗位',
    ...Array.from({ length: PEOPLE }, (_, i) => `KF${1000 + i},员工${i},客服一组,座席代表`),
  ].join('\n');
  await t.ok('org.staff.import', {
    fileName: '花名册.csv',
    contentBase64: Buffer.from(roster).toString('base64'),
  });
  staff = (await t.ok('org.staff.list', { page: 1, pageSize: 200 })).rows;
  const day =
    (await t.ok('org.shiftTypes.list', {})).find((s) => s.code === 'D') ??
    (await t.ok('org.shiftTypes.list', {}))[0]!;
  await t.ok('org.schedule.assign', {
    cells: staff.flatMap((p) => dates.map((date) => ({ staffId: p.id, date, value: day.id }))),
  });
  const minus = (hhmm: string, m: number) => {
    const [h, mm] = hhmm.split(':').map(Number);
    const total = h! * 60 + mm! - m;
    return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  };
  const lines = ['工号,打卡时间'];
  for (const p of staff)
    for (const date of dates) {
      lines.push(`${p.employeeNo},${date} ${minus(day.startTime, 5)}`);
      lines.push(`${p.employeeNo},${date} ${minus(day.endTime, -3)}`);
    }
  clock = {
    fileName: '11月打卡.csv',
    contentBase64: Buffer.from(lines.join('\n')).toString('base64'),
  };
});
afterEach(() => t.close());

const imports = async () =>
  (await t.ok('audit.list', { action: 'import', entity: 'attendance', page: 1, pageSize: 50 }))
    .rows;

/** Someone with a SQLite tool: drops the rows' guards and runs what they like on the file. */
function tamper(work: (raw: Database.Database) => void) {
  const raw = new Database(t.store.file);
  raw.exec(
    'drop trigger if exists audit_rows_no_update; drop trigger if exists audit_rows_no_delete',
  );
  work(raw);
  raw.close();
}

describe('a bulk action in the audit trail', () => {
  it('writes a 2,000-row clock import as exactly one entry with 2,000 rows, paged by audit.rows', async () => {
    const before = (await t.ok('audit.list', { page: 1, pageSize: 1 })).total;
    expect(await t.ok('attendance.applyImport', clock, 'hr')).toMatchObject({ applied: 2000 });
    expect((await t.ok('audit.list', { page: 1, pageSize: 1 })).total).toBe(before + 1);
    const [entry] = await imports();
    expect(entry).toMatchObject({ rowCount: 2000, after: { applied: 2000 } });

    const first = await t.ok('audit.rows', { entryId: entry!.id, offset: 0, limit: 200 });
    expect(first.total).toBe(2000);
    expect(first.rows).toHaveLength(200);
    expect(first.rows[0]).toMatchObject({
      index: 0,
      entity: 'attendance',
      change: { after: { date: '2026-11-01', status: 'present' } },
    });
    // The ids in a row come with their names: the page shows people, not numbers.
    const staffId = (first.rows[0]!.change.after as { staffId: number }).staffId;
    expect(first.names.staff[String(staffId)]).toBe('员工0');
    expect(Object.values(first.names.shiftType)).toHaveLength(1);
    const last = await t.ok('audit.rows', { entryId: entry!.id, offset: 1900, limit: 200 });
    expect(last.rows.map((r) => r.index)).toEqual(Array.from({ length: 100 }, (_, i) => 1900 + i));
    expect(await t.ok('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('writes a roster import of 100 people as one entry opening to each person', async () => {
    const entries = (await t.ok('audit.list', { entity: 'staff', page: 1, pageSize: 50 })).rows;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'import', rowCount: PEOPLE });
    const { rows } = await t.ok('audit.rows', { entryId: entries[0]!.id, limit: 1 });
    expect(rows[0]).toMatchObject({ entity: 'staff', change: { after: { name: '员工0' } } });
  });

  for (const [what, sql] of [
    [
      'edited',
      "update audit_rows set change = replace(change, 'present', 'late') where row_index = 7 and entity = 'attendance'",
    ],
    ['deleted', "delete from audit_rows where row_index = 1999 and entity = 'attendance'"],
    [
      'slipped in',
      "insert into audit_rows (entry_id, row_index, entity, entity_id, change) select entry_id, 2000, entity, entity_id, change from audit_rows where row_index = 0 and entity = 'attendance'",
    ],
    [
      'added to an entry that had none',
      "insert into audit_rows (entry_id, row_index, entity, entity_id, change) values (1, 0, 'team', '1', '{}')",
    ],
  ] as const) {
    it(`fails the chain check when a row is ${what} by SQL`, async () => {
      await t.ok('attendance.applyImport', clock, 'hr');
      expect(await t.ok('audit.verify', {})).toMatchObject({ ok: true });
      tamper((raw) => expect(raw.prepare(sql).run().changes).toBe(1));
      const report = await t.ok('audit.verify', {});
      expect(report.ok).toBe(false);
      expect(report.firstBadId).not.toBeNull();
    });
  }

  it('refuses to edit or delete a row through SQLite itself', async () => {
    await t.ok('attendance.applyImport', clock, 'hr');
    expect(() => t.store.sqlite.prepare("update audit_rows set change = '{}'").run()).toThrow(
      /append-only/,
    );
    expect(() => t.store.sqlite.prepare('delete from audit_rows').run()).toThrow(/append-only/);
  });

  it("filters to one record's history, the bulk entries that touched it included", async () => {
    const person = staff[3]!;
    const { rows: found } = await t.ok('org.staff.list', {
      search: person.employeeNo,
      page: 1,
      pageSize: 1,
    });
    const p = found[0]!;
    await t.ok('org.staff.update', {
      id: p.id,
      employeeNo: p.employeeNo,
      name: p.name,
      teamId: p.teamId,
      position: p.position,
      status: 'active',
      extension: '8123',
    });
    await t.ok('attendance.applyImport', clock, 'hr');
    const history = await t.ok('audit.list', {
      entity: 'staff',
      entityId: String(person.id),
      page: 1,
      pageSize: 50,
    });
    // The roster import that added them and the edit; not the clock import, not other people.
    expect(history.rows.map((e) => e.action)).toEqual(['update', 'import']);
    const punches = await t.ok('audit.list', {
      entity: 'attendance',
      entityId: `${person.id}/2026-11-05`,
      page: 1,
      pageSize: 50,
    });
    expect(punches.rows.map((e) => [e.action, e.rowCount])).toEqual([['import', 2000]]);
  });
});
