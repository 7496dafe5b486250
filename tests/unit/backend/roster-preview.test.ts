import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { naturalKey } from '../../../db/sqlite/natural-key';
import { compareEmployeeNo } from '../../../shared/domain/org';
import { tempStore, type TestStore } from '../../helpers/store';

let t: TestStore;
beforeEach(async () => {
  t = await tempStore();
  await t.ok('org.teams.create', { name: '客服一组' });
  await t.ok('org.teams.create', { name: '客服二组' });
});
afterEach(() => t.close());

const csv = (lines: string[]) =>
  Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(lines.join('\r\n'), 'utf8'),
  ]).toString('base64');

const FIRST = [
  '工号,姓名,班组,岗位,座席号,分机,手机,入职日期',
  'KF1001,王芳,客服一组,座席代表,A-01,8001,13900000001,2025/3/1',
  'KF1002,李娜,客服一组,班长,A-02,8002,13900000002,2024-07-15',
];
// KF1001 unchanged, KF1002 moves team and seat, KF1003 new, row 5 has a bad date.
const SECOND = [
  '工号,姓名,班组,岗位,座席号,分机,手机,入职日期',
  'KF1001,王芳,客服一组,座席代表,A-01,8001,13900000001,2025-03-01',
  'KF1002,李娜,客服二组,班长,B-07,8002,13900000002,2024-07-15',
  'KF1003,赵磊,客服二组,座席代表,B-08,8003,,2026-01-05',
  'KF1004,钱多,客服二组,座席代表,B-09,8004,,2026-13-45',
];

const auditRows = async () =>
  (
    await sql<{ action: string; entity: string; entity_id: number | null }>`
      select action, entity, entity_id from audit_log order by id`.execute(t.data.db)
  ).rows;

describe('roster import preview', () => {
  it('counts new, changed, unchanged and invalid rows with their detail, writing nothing', async () => {
    await t.ok('org.staff.import', { fileName: 'a.csv', contentBase64: csv(FIRST) });
    const before = t.digest();
    const preview = await t.ok('org.staff.previewImport', {
      fileName: 'b.csv',
      contentBase64: csv(SECOND),
    });
    expect(t.digest()).toBe(before);
    expect(preview.counts).toEqual({ new: 1, changed: 1, unchanged: 1, invalid: 1 });
    const byNo = new Map(preview.rows.map((r) => [r.employeeNo, r]));
    expect(byNo.get('KF1001')).toMatchObject({
      row: 2,
      name: '王芳',
      kind: 'unchanged',
      changes: [],
    });
    expect(byNo.get('KF1002')).toMatchObject({
      row: 3,
      kind: 'changed',
      changes: [
        { field: 'teamId', before: '客服一组', after: '客服二组' },
        { field: 'seat', before: 'A-01'.replace('1', '2'), after: 'B-07' },
      ],
    });
    expect(byNo.get('KF1003')).toMatchObject({ row: 4, kind: 'new', name: '赵磊' });
    expect(byNo.get('KF1004')).toMatchObject({
      row: 5,
      kind: 'invalid',
      issues: [{ row: 5, field: 'hireDate', key: 'validation.date' }],
    });
  });

  it('applies only new and changed rows; unchanged rows are neither written nor audited', async () => {
    await t.ok('org.staff.import', { fileName: 'a.csv', contentBase64: csv(FIRST) });
    const {
      rows: [kf1001],
    } = await t.ok('org.staff.list', { search: 'KF1001' });
    const auditBefore = await auditRows();
    const fixed = SECOND.filter((l) => !l.startsWith('KF1004'));
    const report = await t.ok('org.staff.import', { fileName: 'b.csv', contentBase64: csv(fixed) });
    expect(report).toEqual({ rows: 3, created: 1, updated: 1, unchanged: 1 });
    const {
      rows: [after1001],
    } = await t.ok('org.staff.list', { search: 'KF1001' });
    expect(after1001!.updatedAt).toBe(kf1001!.updatedAt);
    const ids = new Set((await auditRows()).slice(auditBefore.length).map((a) => a.entity_id));
    expect(ids.has(kf1001!.id)).toBe(false);
  });

  it('refuses to apply a file with an invalid row, naming row and field, writing nothing', async () => {
    const before = t.digest();
    const result = await t.call('org.staff.import', {
      fileName: 'b.csv',
      contentBase64: csv(SECOND),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'import_rejected', rows: [{ row: 5, field: 'hireDate' }] },
    });
    expect(t.digest()).toBe(before);
  });

  it('keeps the current value of a field whose column the file does not have', async () => {
    await t.ok('org.staff.import', { fileName: 'a.csv', contentBase64: csv(FIRST) });
    const renamed = ['工号,姓名,班组', 'KF1001,王芳,客服二组', 'KF1002,李娜,客服一组'];
    const preview = await t.ok('org.staff.previewImport', {
      fileName: 'c.csv',
      contentBase64: csv(renamed),
    });
    expect(preview.counts).toMatchObject({ changed: 1, unchanged: 1 });
    await t.ok('org.staff.import', { fileName: 'c.csv', contentBase64: csv(renamed) });
    const { rows } = await t.ok('org.staff.list', { search: 'KF100' });
    expect(
      rows.map((r) => [r.employeeNo, r.teamName, r.seat, r.phone, r.hireDate, r.position]),
    ).toEqual([
      ['KF1001', '客服二组', 'A-01', '13900000001', '2025-03-01', 'agent'],
      ['KF1002', '客服一组', 'A-02', '13900000002', '2024-07-15', 'team_lead'],
    ]);
  });
});

async function headersOf(base64: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  return {
    headers: (sheet.getRow(1).values as unknown[]).slice(1),
    second: (sheet.getRow(2).values as unknown[]).slice(1),
    rows: sheet.actualRowCount,
  };
}

describe('roster template and export', () => {
  it('the template carries the screen’s headers in the chosen language and one example row', async () => {
    const zh = await t.ok('org.staff.template', { language: 'zh-CN' });
    const zhSheet = await headersOf(zh.contentBase64);
    expect(zhSheet.headers).toEqual([
      '工号',
      '姓名',
      '班组',
      '岗位',
      '座席号',
      '分机',
      '手机',
      '入职日期',
    ]);
    expect(zhSheet.rows).toBe(2);
    const en = await t.ok('org.staff.template', { language: 'en-US' });
    expect((await headersOf(en.contentBase64)).headers).toEqual([
      'Employee no.',
      'Name',
      'Team',
      'Position',
      'Seat',
      'Extension',
      'Mobile',
      'Hire date',
    ]);
    // The template imports as it is: its headers are the import's own.
    const preview = await t.ok('org.staff.previewImport', {
      fileName: zh.fileName,
      contentBase64: zh.contentBase64,
    });
    expect(preview.counts).toMatchObject({ new: 1, invalid: 0 });
  });

  it('exports the roster as XLSX and CSV with the language’s headers', async () => {
    await t.ok('org.staff.import', { fileName: 'a.csv', contentBase64: csv(FIRST) });
    const xlsx = await t.ok('org.staff.export', { language: 'en-US', format: 'xlsx' });
    const sheet = await headersOf(xlsx.contentBase64);
    expect(sheet.headers).toEqual([
      'Employee no.',
      'Name',
      'Team',
      'Position',
      'Seat',
      'Extension',
      'Mobile',
      'Hire date',
      'Status',
    ]);
    expect(sheet.second.slice(0, 4)).toEqual(['KF1001', '王芳', '客服一组', 'Agent']);
    const zh = await t.ok('org.staff.export', { language: 'zh-CN', format: 'csv' });
    const text = Buffer.from(zh.contentBase64, 'base64').toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF工号,姓名,班组,岗位,座席号,分机,手机,入职日期,状态');
    expect(text.split('\r\n')[2]).toContain('KF1002,李娜,客服一组,班长');
  });
});

describe('natural order of employee numbers', () => {
  it('pads digit runs so KF1001 sorts before KF10000', () => {
    const sorted = ['KF10000', 'KF999', 'KF1001', 'kf1002', 'A2'].sort((a, b) =>
      naturalKey(a)! < naturalKey(b)! ? -1 : 1,
    );
    expect(sorted).toEqual(['A2', 'KF999', 'KF1001', 'kf1002', 'KF10000']);
  });

  it('lists staff in natural order of employee number', async () => {
    for (const no of ['KF10000', 'KF1001', 'KF999']) {
      await t.ok('org.staff.create', { employeeNo: no, name: `员工${no}`, position: 'agent' });
    }
    const { rows } = await t.ok('org.staff.list', {});
    expect(rows.map((r) => r.employeeNo)).toEqual(['KF999', 'KF1001', 'KF10000']);
  });
});

describe('natural order in memory', () => {
  it('compareEmployeeNo agrees with natural_key', () => {
    const numbers = ['KF10000', 'KF999', 'KF1001', 'kf1002', 'A2'];
    expect([...numbers].sort(compareEmployeeNo)).toEqual([
      'A2',
      'KF999',
      'KF1001',
      'kf1002',
      'KF10000',
    ]);
  });
});
