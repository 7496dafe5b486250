import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readImportFile } from '../../../electron/backend/files/import-file';
import { inflateEntry, zipDirectory, ZipRefusedError } from '../../../electron/backend/files/zip';
import { tempStore, type TestStore } from '../../helpers/store';
import {
  inlineRow,
  repeatedDeflate,
  SHEET_HEAD,
  SHEET_TAIL,
  slowWorkbook,
  workbook,
  zip,
} from '../../helpers/xlsx-files';

/**
 * Uploaded files cannot freeze the console (issue 11, points 1–3 and 11): they are read in a
 * worker thread before the transaction, with a time limit, caps on rows and columns, and the
 * XLSX zip checked from its directory before anything is inflated. The files are built here.
 */
let t: TestStore;
beforeEach(async () => {
  t = await tempStore();
  await t.ok('org.teams.create', { name: '客服一组' });
  await t.ok('org.staff.create', { employeeNo: 'KF1', name: '王芳', teamId: 1, position: 'agent' });
});
afterEach(() => t.close());

const base64 = (bytes: Buffer) => bytes.toString('base64');
const csv = (lines: string[]) => Buffer.from('\uFEFF' + lines.join('\r\n'), 'utf8');
const elapsed = async <T>(run: () => Promise<T>) => {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
};

describe('a file is read off the request path', () => {
  it('while a slow file is read, other callers’ status and team list answer at once', async () => {
    const file = { fileName: '打卡.xlsx', contentBase64: base64(slowWorkbook()), mapping: null };
    let done = false;
    const importing = elapsed(() => t.call('attendance.previewImport', file, 'hr')).finally(
      () => (done = true),
    );
    const latencies: number[] = [];
    while (!done) {
      const { value: status, ms } = await elapsed(() =>
        t.backend.call('accounts.status', {}, null),
      );
      expect(status.ok).toBe(true);
      const teams = await elapsed(() => t.call('org.teams.list', {}, 'supervisor'));
      expect(teams.value.ok).toBe(true);
      if (!done) latencies.push(ms, teams.ms);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const { value: result, ms: importMs } = await importing;
    // The file was read whole (no mapping fits its made-up headers, so nothing more to do).
    expect(result).toMatchObject({ ok: true, value: { rows: 189_999 } });
    // Others were answered throughout: many times, each in a fraction of the file's time.
    expect(latencies.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...latencies), `import took ${importMs.toFixed(0)} ms`).toBeLessThan(
      importMs / 3,
    );
  }, 120_000);

  it('refuses a file still unread at the time limit, and the next file reads normally', async () => {
    const slow = base64(slowWorkbook());
    await expect(readImportFile('打卡.xlsx', slow, { timeLimitMs: 100 })).rejects.toMatchObject({
      error: { code: 'import_rejected', key: 'errors.importTooSlow', params: { seconds: 0 } },
    });
    const table = await readImportFile('a.csv', base64(csv(['工号,时间', 'KF1,08:00'])));
    expect(table).toEqual({
      headers: ['工号', '时间'],
      rows: [{ line: 2, cells: ['KF1', '08:00'] }],
    });
  }, 60_000);
});

describe('an XLSX is checked before it is inflated', () => {
  it('refuses at once a 6 KB sheet whose cells reach XFD1048576, naming the column', async () => {
    const file = workbook({
      dimension: 'A1:XFD1048576',
      sheetData:
        inlineRow(1, ['工号', '姓名']) +
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    });
    expect(file.length).toBeLessThan(6 * 1024);
    const before = t.digest();
    const { value: result, ms } = await elapsed(() =>
      t.call('org.staff.import', { fileName: '花名册.xlsx', contentBase64: base64(file) }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'import_rejected',
        key: 'errors.importTooManyColumns',
        field: 'contentBase64',
        params: { row: 1048576, column: 16384, max: 200 },
      },
    });
    expect(ms).toBeLessThan(10_000);
    expect(t.digest()).toBe(before);
  });

  it('never inflates a zip bomb in a media entry: the sheet imports, memory stays flat', async () => {
    const bomb = repeatedDeflate([[Buffer.alloc(16 * 2 ** 20), 64]]); // 1 GiB of zeros
    const file = workbook({
      sheetData: inlineRow(1, ['工号', '姓名']) + inlineRow(2, ['KF2', '李娜']),
      extra: [{ name: 'xl/media/image1.png', deflated: bomb }],
    });
    expect(file.length).toBeLessThan(2 * 2 ** 20);
    const rss = process.memoryUsage().rss;
    const { value: result, ms } = await elapsed(() =>
      t.call('org.staff.import', { fileName: '花名册.xlsx', contentBase64: base64(file) }),
    );
    expect(result).toEqual({ ok: true, value: { rows: 1, created: 1, updated: 0, unchanged: 0 } });
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 2 ** 20);
    expect(ms).toBeLessThan(10_000);
  });

  it('refuses a 450 MB sheet from the zip directory, before inflating any of it', async () => {
    const rows = Buffer.from(inlineRow(2, ['KF1', '2026-11-03 08:00']).repeat(1000));
    const sheet = repeatedDeflate([
      [SHEET_HEAD, 1],
      [rows, Math.ceil(450e6 / rows.length)],
      [SHEET_TAIL, 1],
    ]);
    expect(sheet.size).toBeGreaterThan(450e6);
    const file = workbook({ sheetData: { deflated: sheet } });
    expect(file.length).toBeLessThan(3 * 2 ** 20);
    const before = t.digest();
    const rss = process.memoryUsage().rss;
    const { value: result, ms } = await elapsed(() =>
      t.call(
        'attendance.previewImport',
        { fileName: '打卡.xlsx', contentBase64: base64(file), mapping: null },
        'hr',
      ),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'import_rejected', key: 'errors.importTooLarge', params: { mb: 50 } },
    });
    expect(ms).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 2 ** 20);
    expect(t.digest()).toBe(before);
  });

  it('refuses a sheet under the size cap that is compressed like a bomb (over 500:1)', async () => {
    // 40 MB of blanks: under the 50 MB cap, so only the compression ratio can refuse it.
    const sheet = repeatedDeflate([
      [SHEET_HEAD, 1],
      [Buffer.alloc(2 ** 20, ' '), 40],
      [SHEET_TAIL, 1],
    ]);
    expect(sheet.size).toBeLessThan(50e6);
    expect(sheet.size / sheet.data.length).toBeGreaterThan(500);
    const before = t.digest();
    const result = await t.call(
      'attendance.previewImport',
      {
        fileName: '打卡.xlsx',
        contentBase64: base64(workbook({ sheetData: { deflated: sheet } })),
        mapping: null,
      },
      'hr',
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'import_rejected', key: 'errors.importTooLarge' },
    });
    expect(t.digest()).toBe(before);
  });

  it('does not let a directory that understates a part make it inflate further', () => {
    const content = Buffer.alloc(2 ** 20, 'a');
    const file = zip([{ name: 'xl/worksheets/sheet1.xml', data: content }]);
    const [entry] = zipDirectory(file);
    expect(entry).toMatchObject({ name: 'xl/worksheets/sheet1.xml', size: 2 ** 20 });
    expect(inflateEntry(file, entry!)).toEqual(content);
    expect(() => inflateEntry(file, { ...entry!, size: 1000 })).toThrow(ZipRefusedError);
    expect(() => inflateEntry(file, { ...entry!, size: 1000 })).toThrow(/declared size/);
  });
});

describe('formula cells', () => {
  async function rosterWithFormula(result?: string) {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('花名册');
    sheet.addRow(['工号', '姓名']);
    sheet.addRow([
      'KF3',
      { formula: 'CONCATENATE("赵","敏")', result } as ExcelJS.CellFormulaValue,
    ]);
    return base64(Buffer.from(await book.xlsx.writeBuffer()));
  }

  it('import the value Excel computed last', async () => {
    const result = await t.call('org.staff.import', {
      fileName: '花名册.xlsx',
      contentBase64: await rosterWithFormula('赵敏'),
    });
    expect(result).toEqual({ ok: true, value: { rows: 1, created: 1, updated: 0, unchanged: 0 } });
    const { rows } = await t.ok('org.staff.list', { search: 'KF3', page: 1, pageSize: 5 });
    expect(rows[0]?.name).toBe('赵敏');
  });

  it('without a computed value are refused, naming the cell, and never import "[object Object]"', async () => {
    const before = t.digest();
    const result = await t.call('org.staff.import', {
      fileName: '花名册.xlsx',
      contentBase64: await rosterWithFormula(undefined),
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'import_rejected',
        key: 'errors.importFormulaNoValue',
        rows: [
          { row: 2, field: '姓名', key: 'errors.importFormulaNoValue', params: { cell: 'B2' } },
        ],
      },
    });
    expect(t.digest()).toBe(before);
    expect(before).not.toContain('[object Object]');
  });
});

describe('caps on every import', () => {
  it('refuses a 1,000,000-row CSV at the cap, quickly, with a short answer', async () => {
    const lines = ['工号,时间', ...Array.from({ length: 1_000_000 }, (_, i) => `${i % 10},8:00`)];
    const file = { fileName: '打卡.csv', contentBase64: base64(csv(lines)), mapping: null };
    expect(file.contentBase64.length).toBeLessThan(14_000_000);
    const { value: result, ms } = await elapsed(() =>
      t.call('attendance.previewImport', file, 'hr'),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'import_rejected', key: 'errors.importTooManyRows', params: { max: 200_000 } },
    });
    expect(JSON.stringify(result).length).toBeLessThan(2_000);
    expect(ms).toBeLessThan(15_000);
  }, 60_000);

  it('refuses a roster of more than 20,000 people', async () => {
    const lines = ['工号,姓名', ...Array.from({ length: 20_001 }, (_, i) => `R${i},员工${i}`)];
    const result = await t.call('org.staff.import', {
      fileName: '花名册.csv',
      contentBase64: base64(csv(lines)),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { key: 'errors.importTooManyRows', params: { max: 20_000 } },
    });
  });

  it('lists the first 200 problem rows of a clock file and counts them all', async () => {
    const lines = [
      '工号,打卡时间',
      ...Array.from({ length: 5000 }, (_, i) => `NOBODY${i},2026-11-03 08:00`),
    ];
    const file = { fileName: '打卡.csv', contentBase64: base64(csv(lines)), mapping: null };
    const preview = await t.ok('attendance.previewImport', file, 'hr');
    expect(preview.problems).toHaveLength(200);
    expect(preview.problemCount).toBe(5000);
    expect(preview.problems[0]).toMatchObject({ row: 2, key: 'errors.unknownEmployeeNo' });
    const applied = await t.call('attendance.applyImport', file, 'hr');
    expect(applied).toMatchObject({
      ok: false,
      error: { key: 'errors.importProblems', params: { count: 5000 } },
    });
    if (!applied.ok) expect(applied.error.rows).toHaveLength(200);
  });

  it('lists the first 200 problem rows of a roster and counts them all', async () => {
    const lines = ['工号,姓名,班组', ...Array.from({ length: 5000 }, (_, i) => `R${i},员工,九组`)];
    const result = await t.call('org.staff.import', {
      fileName: '花名册.csv',
      contentBase64: base64(csv(lines)),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { key: 'errors.import_rejected', params: { count: 5000 } },
    });
    if (!result.ok) expect(result.error.rows).toHaveLength(200);
  });
});
