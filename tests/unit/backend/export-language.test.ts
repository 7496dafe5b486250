import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUMMARY_HEADERS } from '../../helpers/export-headers';
import { tempStore, type TestStore } from '../../helpers/store';

/**
 * Every file the console exports speaks one language, the caller's interface language, and says
 * so: a call without it is refused naming the field, so no export silently falls back to one.
 */
let t: TestStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(() => t.close());

const load = async (file: { contentBase64: string }) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  return workbook;
};
const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

describe('exports without a language', () => {
  const calls = {
    'attendance.export': { month: '2026-11', kind: 'summary', format: 'xlsx' },
    'handover.exportItems': { format: 'xlsx' },
    'audit.export': {},
  } as const;
  for (const [channel, input] of Object.entries(calls))
    it(`${channel} is refused as invalid input naming the language field`, async () => {
      for (const language of [undefined, 'fr-FR'])
        expect(await t.call(channel as never, { ...input, language } as never)).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', field: 'language' },
        });
    });
});

describe('the attendance export through the backend', () => {
  it('has the summary headers and sheet names of the chosen language, figures as numbers', async () => {
    const team = await t.ok('org.teams.create', { name: '客服一组' });
    const wang = await t.ok('org.staff.create', {
      employeeNo: 'KF1001',
      name: '王芳',
      teamId: team.id,
      position: 'agent',
    });
    const early = (await t.ok('org.shiftTypes.list', {})).find((s) => s.name === '早班')!;
    await t.ok('org.schedule.assign', {
      cells: [{ staffId: wang.id, date: '2026-11-02', value: early.id }],
    });
    const zh = await load(
      await t.ok('attendance.export', {
        month: '2026-11',
        kind: 'summary',
        format: 'xlsx',
        language: 'zh-CN',
      }),
    );
    expect(zh.worksheets.map((s) => s.name)).toEqual(['考勤月报', '班组汇总', '说明']);
    expect(header(zh.worksheets[0]!)).toEqual(SUMMARY_HEADERS['zh-CN']);
    expect(zh.worksheets[0]!.getCell(2, 1).value).toBe('KF1001');
    expect(zh.worksheets[0]!.getCell(2, 4).value).toBe(1);

    const en = await load(
      await t.ok('attendance.export', {
        month: '2026-11',
        kind: 'detail',
        format: 'xlsx',
        language: 'en-US',
      }),
    );
    expect(en.worksheets.map((s) => s.name)).toEqual(['Records', 'Legend']);
    expect(header(en.worksheets[0]!).slice(0, 5)).toEqual([
      'Date',
      'Employee no.',
      'Name',
      'Team',
      'Shift',
    ]);
  });
});
