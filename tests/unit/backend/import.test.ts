import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TestStore } from '../../helpers/store';

let t: TestStore;
beforeEach(async () => {
  t = await tempStore();
  await t.ok('org.teams.create', { name: '客服一组' });
});
afterEach(() => t.close());

const csv = (text: string, bom = true) =>
  Buffer.concat([
    bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
    Buffer.from(text, 'utf8'),
  ]).toString('base64');

const GOOD = [
  '工号,姓名,班组,岗位,座席号,分机,入职日期',
  'KF2001,王芳,客服一组,座席代表,A-01,8001,2025/3/1',
  'KF2002,李娜,客服一组,班长,A-02,8002,2024-07-15',
].join('\r\n');

describe('roster import', () => {
  it('imports a CSV with Chinese headers, Excel-style dates and position names', async () => {
    const report = await t.ok('org.staff.import', {
      fileName: '花名册.csv',
      contentBase64: csv(GOOD),
    });
    expect(report).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    const { rows } = await t.ok('org.staff.list', { page: 1, pageSize: 10 });
    expect(rows.map((r) => [r.employeeNo, r.name, r.teamName, r.position, r.hireDate])).toEqual([
      ['KF2001', '王芳', '客服一组', 'agent', '2025-03-01'],
      ['KF2002', '李娜', '客服一组', 'team_lead', '2024-07-15'],
    ]);
  });

  it('updates known employee numbers instead of duplicating them', async () => {
    await t.ok('org.staff.import', { fileName: 'a.csv', contentBase64: csv(GOOD) });
    const report = await t.ok('org.staff.import', {
      fileName: 'a.csv',
      contentBase64: csv('工号,姓名,分机\nKF2001,王芳,8101\nKF2003,赵敏,8003'),
    });
    expect(report).toEqual({ rows: 2, created: 1, updated: 1, unchanged: 0 });
    expect(
      (await t.ok('org.staff.list', { search: 'KF2001', page: 1, pageSize: 5 })).rows[0]?.extension,
    ).toBe('8101');
  });

  it('reports every bad row with its line and writes nothing', async () => {
    await t.ok('org.staff.import', { fileName: 'a.csv', contentBase64: csv(GOOD) });
    const before = t.digest();
    const bad = [
      '工号,姓名,班组,岗位,入职日期',
      'KF3001,周杰,客服一组,座席代表,2025-01-01',
      'KF3002,,客服九组,经理,2025-02-30',
      'KF3001,吴磊,客服一组,,',
    ].join('\n');
    const result = await t.call('org.staff.import', {
      fileName: '新员工.csv',
      contentBase64: csv(bad),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('import_rejected');
    expect(result.error.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 3,
          field: 'teamId',
          key: 'errors.unknownTeamName',
          params: { value: '客服九组' },
        }),
        expect.objectContaining({ row: 3, field: 'position', key: 'errors.unknownPosition' }),
        expect.objectContaining({ row: 3, field: 'name', key: 'validation.required' }),
        expect.objectContaining({ row: 3, field: 'hireDate', key: 'validation.date' }),
        expect.objectContaining({
          row: 4,
          field: 'employeeNo',
          key: 'errors.importDuplicate',
          params: { value: 'KF3001', line: 2 },
        }),
      ]),
    );
    expect(result.error.rows?.some((r) => r.row === 2)).toBe(false);
    expect(t.digest()).toBe(before);
  });

  it('reads CSV saved by Chinese Excel in GBK', async () => {
    // "工号,姓名\r\nKF4001,王芳" as Excel on Chinese Windows saves it: GBK, no BOM.
    const gbk = Buffer.from('b9a4bac52cd0d5c3fb0d0a4b46343030312ccdf5b7bc', 'hex');
    const report = await t.ok('org.staff.import', {
      fileName: 'gbk.csv',
      contentBase64: gbk.toString('base64'),
    });
    expect(report.created).toBe(1);
    expect((await t.ok('org.staff.list', { page: 1, pageSize: 5 })).rows[0]?.name).toBe('王芳');
  });

  it('imports XLSX, with real Excel date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRow(['工号', '姓名', '班组', '岗位', '入职日期']);
    sheet.addRow(['KF5001', '陈静', '客服一组', '质检员', new Date(Date.UTC(2025, 5, 9))]);
    sheet.addRow([5002, '林涛', '', '', '2025/6/10']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await t.ok('org.staff.import', {
      fileName: 'roster.XLSX',
      contentBase64: bytes.toString('base64'),
    });
    expect(report.created).toBe(2);
    const { rows } = await t.ok('org.staff.list', { page: 1, pageSize: 5 });
    expect(rows.map((r) => [r.employeeNo, r.position, r.teamName, r.hireDate])).toEqual([
      ['5002', 'agent', null, '2025-06-10'],
      ['KF5001', 'qa', '客服一组', '2025-06-09'],
    ]);
  });

  it('says which required columns are missing, and refuses unreadable files', async () => {
    const missing = await t.call('org.staff.import', {
      fileName: 'x.csv',
      contentBase64: csv('姓名,班组\n王芳,客服一组'),
    });
    expect(missing).toMatchObject({
      ok: false,
      error: {
        code: 'import_rejected',
        key: 'errors.importMissingColumns',
        params: { columns: '工号' },
      },
    });
    const broken = await t.call('org.staff.import', {
      fileName: 'x.xlsx',
      contentBase64: csv('not a zip'),
    });
    expect(broken).toMatchObject({
      ok: false,
      error: { code: 'import_rejected', key: 'errors.importUnreadable' },
    });
    const wrongType = await t.call('org.staff.import', {
      fileName: 'x.pdf',
      contentBase64: csv('a'),
    });
    expect(wrongType).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'fileName', key: 'errors.invalid_input' },
    });
  });
});
