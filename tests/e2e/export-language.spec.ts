import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addDaysTo, formatDate, monthDates, monthOf } from '../../shared/domain/time';
import { SUMMARY_HEADERS } from '../helpers/export-headers';
import { deskScreen, expect, screenshot, test } from './fixtures';

/**
 * The attendance summary a supervisor downloads speaks the language of the screen it came from:
 * one language throughout, its headers the screen's own column words, its figures numbers. A
 * payroll template matching columns by header can rely on the exact header row per language.
 */

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
      expect(header).toEqual(SUMMARY_HEADERS[language]);
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
      expect(sheet.getCell(2, header.indexOf(SUMMARY_HEADERS[language].at(-1)!) + 1).numFmt).toBe(
        '0.0%',
      );
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

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`the audit trail downloads in the screen's language (${language})`, async ({
    page,
    store,
    open,
  }) => {
    const zh = language === 'zh-CN';
    await store.ok('org.teams.create', { name: '客服一组' });
    await deskScreen(page, language);
    await open('#/audit');
    const button = page.getByRole('button', { name: zh ? '导出 CSV' : 'Export CSV' });
    await expect(button).toBeVisible();
    await screenshot(page, `export-audit-${language}`);
    const download = page.waitForEvent('download');
    await button.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      zh ? /^审计日志-\d{8}-\d{4}\.csv$/ : /^Audit trail-\d{8}-\d{4}\.csv$/,
    );
    const downloads = mkdtempSync(join(tmpdir(), 'export-language-'));
    try {
      const path = join(downloads, file.suggestedFilename());
      await file.saveAs(path);
      const bytes = readFileSync(path);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').split('\r\n');
      expect(lines[0]).toBe(
        zh
          ? '编号,时间,用户,操作,对象,对象编号,修改前,修改后'
          : 'No.,Time,User,Action,Record,Record no.,Before,After',
      );
      // The action and the record in the file's language, as the audit page names them.
      expect(lines.join('\n')).toContain(zh ? ',新建,班组,' : ',Create,Team,');
    } finally {
      rmSync(downloads, { recursive: true, force: true });
    }
  });
}

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`the open handover items download in the screen's language (${language})`, async ({
    page,
    open,
  }) => {
    const zh = language === 'zh-CN';
    await deskScreen(page, language);
    await open('#/handover');
    await page.getByRole('tab', { name: zh ? '遗留事项' : 'Open items' }).click();
    await page.getByRole('button', { name: zh ? '导出' : 'Export' }).click();
    const item = page.getByRole('menuitem', { name: 'XLSX' });
    await expect(item).toBeVisible();
    await screenshot(page, `export-handover-items-${language}`);
    const download = page.waitForEvent('download');
    await item.click();
    const file = await download;
    const downloads = mkdtempSync(join(tmpdir(), 'export-language-'));
    try {
      const path = join(downloads, file.suggestedFilename());
      await file.saveAs(path);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe(zh ? '遗留事项' : 'Open handover items');
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
        zh
          ? [
              '编号',
              '类别',
              '说明',
              '客户 / 工单号',
              '优先级',
              '状态',
              '责任人',
              '处理期限',
              '已逾期',
              '已交接班次',
              '已持续（小时）',
              '登记人',
              '最近交接',
            ]
          : [
              'No.',
              'Category',
              'Description',
              'Customer / ticket ref.',
              'Priority',
              'Status',
              'Owner',
              'Due',
              'Overdue',
              'Shifts carried',
              'Open for (hours)',
              'Written by',
              'Last handover',
            ],
      );
    } finally {
      rmSync(downloads, { recursive: true, force: true });
    }
  });
}
