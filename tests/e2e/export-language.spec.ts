import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addDaysTo, formatDate, monthDates, monthOf } from '../../shared/domain/time';
import { deskScreen, expect, screenshot, test } from './fixtures';

/**
 * The attendance summary a supervisor downloads speaks the language of the screen it came from:
 * one language throughout, its headers the screen's own column words, its figures numbers. A
 * payroll template matching columns by header can rely on the exact header row per language.
 */
const HEADERS = {
  'zh-CN': [
    '工号',
    '姓名',
    '班组',
    '应出勤',
    '实出勤',
    '迟到次数',
    '迟到分钟',
    '早退次数',
    '早退分钟',
    '缺卡',
    '旷工天数',
    '请假-事假',
    '请假-病假',
    '请假-年假',
    '请假-调休',
    '请假-婚假',
    '请假-丧假',
    '请假-产假',
    '请假-陪产假',
    '加班小时',
    '未记录',
    '出勤率',
  ],
  'en-US': [
    'Employee no.',
    'Name',
    'Team',
    'Scheduled',
    'Worked',
    'Late arrivals',
    'Late minutes',
    'Early leaves',
    'Early-leave minutes',
    'Missing punches',
    'Absent days',
    'Leave: Personal leave',
    'Leave: Sick leave',
    'Leave: Annual leave',
    'Leave: Compensatory leave',
    'Leave: Marriage leave',
    'Leave: Bereavement leave',
    'Leave: Maternity leave',
    'Leave: Paternity leave',
    'Overtime (h)',
    'Unrecorded',
    'Attendance rate',
  ],
} as const;

const lastMonth = () => monthOf(addDaysTo(`${monthOf(formatDate(new Date()))}-01`, -1));

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`the attendance summary downloads in the screen's language (${language})`, async ({
    page,
    store,
    open,
  }) => {
    test.setTimeout(90_000);
    const zh = language === 'zh-CN';
    const user = { username: zh ? 'renshi' : 'hr.en', password: 'correct horse 3' };
    const month = lastMonth();
    const team = await store.ok('org.teams.create', { name: '客服一组' });
    const wang = await store.ok('org.staff.create', {
      employeeNo: 'KF1001',
      name: '王芳',
      teamId: team.id,
      position: 'agent',
    });
    const early = (await store.ok('org.shiftTypes.list', {})).find((s) => s.name === '早班')!;
    await store.ok('org.schedule.assign', {
      cells: monthDates(month)
        .slice(0, 3)
        .map((date) => ({ staffId: wang.id, date, value: early.id })),
    });
    await store.ok('accounts.users.create', {
      username: user.username,
      displayName: zh ? '周人事' : 'Pat HR',
      role: 'hr',
      password: user.password,
    });

    await deskScreen(page, language);
    await open('#/attendance', user);
    await page.getByRole('button', { name: zh ? '上个月' : 'Previous month' }).click();
    const table = page.getByTestId('attendance-people');
    await expect(table.locator('.ant-table-row', { hasText: 'KF1001' })).toBeVisible();
    // The screen's own single-level column titles, as the user reads them.
    const screenWords = (await table.locator('thead th').allInnerTexts())
      .map((s) => s.trim())
      .filter(Boolean);

    const downloads = mkdtempSync(join(tmpdir(), 'export-language-'));
    try {
      await page.getByRole('button', { name: zh ? '导出' : 'Export' }).click();
      const item = page.getByRole('menuitem', {
        name: zh ? '月度汇总（XLSX）' : 'Monthly summary (XLSX)',
      });
      await expect(item).toBeVisible();
      await screenshot(page, `export-attendance-menu-${language}`);
      const download = page.waitForEvent('download');
      await item.click();
      const file = await download;
      const name = file.suggestedFilename();
      expect(name).toMatch(
        zh
          ? /^考勤月报-\d{4}年\d{1,2}月-全部班组\.xlsx$/
          : /^Monthly attendance summary-[A-Z][a-z]+ \d{4}-All teams\.xlsx$/,
      );
      const path = join(downloads, name);
      await file.saveAs(path);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(
        zh ? ['考勤月报', '班组汇总', '说明'] : ['Summary', 'Teams', 'Legend'],
      );
      const sheet = workbook.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(HEADERS[language]);
      // Every header the screen and the file share is written the same way, letter for letter.
      for (const word of zh
        ? [
            '工号',
            '姓名',
            '班组',
            '应出勤',
            '实出勤',
            '出勤率',
            '缺卡',
            '旷工天数',
            '加班小时',
            '未记录',
          ]
        : ['Employee no.', 'Name', 'Team', 'Scheduled', 'Worked', 'Attendance rate']) {
        expect(screenWords, word).toContain(word);
        expect(header, word).toContain(word);
      }
      // Figures are numbers, the rate a percentage number, not text.
      const row = (sheet.getRow(2).values as unknown[]).slice(1);
      expect(row.slice(0, 5)).toEqual(['KF1001', '王芳', '客服一组', 3, 0]);
      expect(sheet.getCell(2, header.indexOf(HEADERS[language].at(-1)!) + 1).numFmt).toBe('0.0%');
      // The legend says the month as the language writes it, and nothing else is in Chinese.
      const legend = workbook.worksheets[2]!.getColumn(2).values.map(String).join(' ');
      if (zh) expect(legend).toMatch(/\d{4}年\d{1,2}月/);
      else {
        expect(legend).toMatch(/[A-Z][a-z]+ \d{4}/);
        expect(legend.replace('客服一组', '')).not.toMatch(/[\u4e00-\u9fff]/);
      }
      await expect(page.getByText(zh ? `已导出 ${name}` : `Exported ${name}`)).toBeVisible();
    } finally {
      rmSync(downloads, { recursive: true, force: true });
    }
  });
}
