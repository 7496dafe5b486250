import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadDemo } from '../../db/demo';
import { addDaysTo, formatDate, monthDates, monthOf } from '../../shared/domain/time';
import { nightShift } from '../helpers/fixtures';
import { choose, expect, screenshot, test } from './fixtures';

const HR = { username: 'renshi', password: 'correct horse 3' };

const csv = (lines: string[]) =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);

/** Last month: complete, so a test can import it, read its figures and close it. */
const lastMonth = () => monthOf(addDaysTo(`${monthOf(formatDate(new Date()))}-01`, -1));

test('HR imports a clock file, reads the month, exports it and closes it', async ({
  page,
  store,
  open,
}) => {
  test.setTimeout(120_000);
  const month = lastMonth();
  const days = monthDates(month);
  const firstWeek = days.slice(0, 5);
  const lastDay = days.at(-1)!;

  const team = await store.ok('org.teams.create', { name: '客服一组' });
  const people = [];
  for (const [employeeNo, name] of [
    ['KF1001', '王芳'],
    ['KF1002', '李娜'],
    ['KF1003', '赵敏'],
  ] as const) {
    people.push(
      await store.ok('org.staff.create', { employeeNo, name, teamId: team.id, position: 'agent' }),
    );
  }
  const wang = people[0]!;
  const early = (await store.ok('org.shiftTypes.list', {})).find((s) => s.name === '早班')!;
  // A night shift crossing midnight on the month's last day: its clock-out is next month.
  const night = await store.ok('org.shiftTypes.create', nightShift({ code: 'NN' }));
  await store.ok('org.schedule.assign', {
    cells: [
      ...people.flatMap((p) => firstWeek.map((date) => ({ staffId: p.id, date, value: early.id }))),
      { staffId: wang.id, date: lastDay, value: night.id },
    ],
  });
  await store.ok('accounts.users.create', {
    username: HR.username,
    displayName: '周人事',
    role: 'hr',
    password: HR.password,
  });

  // 王芳 is late twice (20 and 10 minutes past 08:00, grace 5); everyone else is on time.
  const clockIn = (p: { id: number }, date: string) =>
    p.id === wang.id && date === firstWeek[0]
      ? '08:20'
      : p.id === wang.id && date === firstWeek[1]
        ? '08:10'
        : '07:56';
  const rows = people.flatMap((p) =>
    firstWeek.map((date) => `${p.employeeNo},${date},${clockIn(p, date)},16:02`),
  );
  const header = '工号,日期,上班时间,下班时间';
  const nightRow = `KF1001,${lastDay},21:55,08:03`;

  await open('#/attendance', HR);
  await page.getByRole('button', { name: '打卡导入' }).click();
  const dialog = page.getByRole('dialog', { name: '导入打卡数据' });
  const file = dialog.locator('input[type=file]');
  await file.setInputFiles({
    name: '考勤机导出.csv',
    mimeType: 'text/csv',
    buffer: csv([
      header,
      ...rows.slice(0, 3),
      'KF9999,' + firstWeek[0] + ',07:58,16:01',
      ...rows.slice(3),
      nightRow,
    ]),
  });
  const problems = dialog.getByTestId('clock-import-errors');
  await expect(problems).toContainText('文件中有 1 处问题，改正前不能导入');
  const problemRow = problems.getByRole('row', { name: /KF9999/ });
  await expect(problemRow.locator('td').first()).toHaveText('5');
  await expect(problemRow).toContainText('工号 KF9999 不在花名册中');
  const apply = dialog.getByRole('button', { name: /^导入/ });
  await expect(apply).toBeDisabled();
  expect((await store.ok('attendance.month', { month, teamId: team.id })).records).toEqual([]);

  // Fixed in Excel and chosen again: a clean preview, then applied.
  await file.setInputFiles({
    name: '考勤机导出.csv',
    mimeType: 'text/csv',
    buffer: csv([header, ...rows, nightRow]),
  });
  await expect(dialog.getByTestId('clock-import-errors')).toHaveCount(0);
  await expect(dialog.getByTestId('clock-import-preview')).toContainText('将更新 16 个班次');
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(page.getByText('已导入 16 个班次，0 个保持不变')).toBeVisible();
  await expect(dialog).toBeHidden();

  // The night shift starting on the last day belongs to that month, clock-out next morning and all.
  const grid = await store.ok('attendance.month', { month, staffId: wang.id });
  expect(grid.records.find((r) => r.date === lastDay)).toMatchObject({
    shiftTypeId: night.id,
    clockIn: `${lastDay} 21:55`,
    clockOut: `${addDaysTo(lastDay, 1)} 08:03`,
    status: 'present',
  });

  // The month summary: 王芳 scheduled 6 (5 early + the night), worked 6, late 2 times, 30 minutes.
  await page.getByRole('button', { name: '上个月' }).click();
  const table = page.getByTestId('attendance-people');
  const wangRow = table.locator('.ant-table-row', { hasText: 'KF1001' });
  const cells = wangRow.locator('.ant-table-cell');
  await expect(cells.nth(1)).toHaveText('王芳');
  await expect(cells.nth(3)).toHaveText('6');
  await expect(cells.nth(4)).toHaveText('6');
  await expect(cells.nth(5)).toHaveText('100.0%');
  await expect(cells.nth(6)).toHaveText('2');
  await expect(cells.nth(7)).toHaveText('30');
  await expect(
    table.locator('.ant-table-row', { hasText: 'KF1002' }).locator('.ant-table-cell').nth(3),
  ).toHaveText('5');

  // Export: the summary as XLSX (the screen's words, the same figures) and as CSV (UTF-8 with BOM).
  const downloads = mkdtempSync(join(tmpdir(), 'attendance-export-'));
  try {
    const exportAs = async (item: string, button = '导出') => {
      await page.getByRole('button', { name: button }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: item }).click();
      const path = join(downloads, (await download).suggestedFilename());
      await (await download).saveAs(path);
      return path;
    };
    const xlsxPath = await exportAs('月度汇总（XLSX）');
    expect(xlsxPath).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.worksheets[0]!;
    const lateOf = (sheet: ExcelJS.Worksheet, header: string) => {
      const column = (sheet.getRow(1).values as unknown[]).map(String).indexOf(header);
      expect(column, header).toBeGreaterThan(0);
      let late: unknown;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === 'KF1001') late = row.getCell(column).value;
      });
      return late;
    };
    expect(sheet.name).toBe('考勤月报');
    expect(sheet.getCell(1, 1).value).toBe('工号');
    expect(lateOf(sheet, '迟到次数')).toBe(2);

    // The same report for a desk in English speaks English only.
    await page.getByText('English', { exact: true }).click();
    const englishPath = await exportAs('Monthly summary (XLSX)', 'Export');
    expect(englishPath).toMatch(/Monthly attendance summary-[A-Z][a-z]+ \d{4}-All teams\.xlsx$/);
    const english = new ExcelJS.Workbook();
    await english.xlsx.readFile(englishPath);
    const summarySheet = english.worksheets[0]!;
    expect(english.worksheets.map((w) => w.name)).toEqual(['Summary', 'Teams', 'Legend']);
    expect(summarySheet.getCell(1, 1).value).toBe('Employee no.');
    expect(lateOf(summarySheet, 'Late arrivals')).toBe(2);
    await page.getByText('中文', { exact: true }).click();

    const csvPath = await exportAs('月度汇总（CSV）');
    const bytes = readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('王芳');
  } finally {
    rmSync(downloads, { recursive: true, force: true });
  }

  // Closing the month locks it: the banner says so, and a correction is refused.
  const named = `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
  await page.getByRole('button', { name: '月结' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: `月结 ${named}？` });
  await expect(confirm).toContainText('全部考勤记录将被锁定');
  await confirm.getByRole('button', { name: '月结' }).click();
  await expect(page.locator('.ant-message')).toContainText(
    new RegExp(`${named} 已月结。月结前的数据已备份为 console-.*-pre-close\\.sqlite`),
  );
  await expect(page.getByTestId('attendance-closed')).toContainText(`${named} 已于`);
  await expect(page.getByTestId('attendance-closed')).toContainText('由 周人事 月结');
  await expect(page.getByRole('button', { name: '重新开启' })).toBeVisible();

  const before = store.digest();
  await page.getByRole('tab', { name: '班组视图' }).click();
  await page.getByRole('button', { name: new RegExp(`^王芳 ${firstWeek[0]}`) }).click();
  const correction = page.getByRole('dialog').filter({ hasText: '更正考勤' });
  const locked = `${named} 已月结，记录已锁定；如需更正请由人事重新开启该月`;
  await expect(correction).toContainText(locked);
  await correction.getByLabel('上班打卡').fill(`${firstWeek[0]} 07:58`);
  await correction.getByLabel('上班打卡').press('Enter');
  await correction.getByLabel('更正原因').fill('考勤机故障，已与班长核实');
  await correction.getByRole('button', { name: '保存更正' }).click();
  await expect(page.locator('.ant-message')).toContainText(locked);
  await expect(correction).toBeVisible();
  expect(store.digest()).toBe(before);
});

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`attendance screens with demo data (${language})`, async ({ page, store, open }) => {
    test.setTimeout(120_000);
    const zh = language === 'zh-CN';
    await page.addInitScript(
      (lang) => localStorage.setItem('supervisor-console.language', lang),
      language,
    );
    // Charts drawn without their entry animation, so the picture shows the real bars.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await loadDemo(store.store.db, { today: formatDate(new Date()) });
    await open('#/attendance');
    // Last month is complete in the demo: a full month of figures to look at.
    await page.getByRole('button', { name: zh ? '上个月' : 'Previous month' }).click();
    await expect(
      page.getByTestId('attendance-people').locator('.ant-table-row').first(),
    ).toBeVisible();
    await screenshot(page, `attendance-summary-${language}`);

    await page.getByRole('tab', { name: zh ? '班组视图' : 'Team grid' }).click();
    await choose(page, page.getByRole('combobox', { name: zh ? '班组' : 'Team' }), '客服一组');
    await expect(
      page.getByTestId('attendance-grid').locator('.ant-table-row').first(),
    ).toBeVisible();
    await screenshot(page, `attendance-grid-${language}`);

    await page.getByRole('tab', { name: zh ? '个人日历' : 'Personal calendar' }).click();
    const staff = (await store.ok('org.staff.list', { page: 1, pageSize: 1 })).rows[0]!;
    const picker = page.getByRole('combobox', { name: zh ? '选择员工' : 'Choose a person' });
    await picker.click();
    await picker.fill(staff.employeeNo);
    await page
      .locator('.ant-select-dropdown .ant-select-item-option')
      .filter({ hasText: staff.employeeNo, visible: true })
      .first()
      .click();
    await expect(page.getByTestId('attendance-person-figures')).toBeVisible();
    await expect(page.locator('.ant-select-dropdown').filter({ visible: true })).toHaveCount(0);
    await screenshot(page, `attendance-calendar-${language}`);

    // A file with one good punch (on a shift the demo recorded) and two bad rows.
    const month = lastMonth();
    const shift = (await store.ok('attendance.month', { month, staffId: staff.id })).records.find(
      (r) => r.status === 'present' && r.plannedStart,
    )!;
    await page.getByRole('button', { name: zh ? '打卡导入' : 'Import clock data' }).click();
    await page
      .getByRole('dialog')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'clock.csv',
        mimeType: 'text/csv',
        buffer: csv([
          '工号,打卡时间',
          `${staff.employeeNo},${shift.plannedStart}`,
          `KF9999,${shift.date} 08:01`,
          `${staff.employeeNo},${shift.date} 25:61`,
        ]),
      });
    await expect(page.getByTestId('clock-import-errors')).toBeVisible();
    await screenshot(page, `attendance-import-${language}`);
  });
}

test('a clock record with one punch reads 缺卡 on the grid and is counted as 缺卡, not late, in the summary', async ({
  page,
  store,
  open,
}) => {
  const month = lastMonth();
  const day = monthDates(month)[2]!;
  const team = await store.ok('org.teams.create', { name: '客服一组' });
  const wang = await store.ok('org.staff.create', {
    employeeNo: 'KF1001',
    name: '王芳',
    teamId: team.id,
    position: 'agent',
  });
  const early = (await store.ok('org.shiftTypes.list', {})).find((s) => s.name === '早班')!;
  await store.ok('org.schedule.assign', {
    cells: [{ staffId: wang.id, date: day, value: early.id }],
  });
  // The clock file has the clock-in only.
  await store.ok('attendance.applyImport', {
    fileName: '考勤机导出.csv',
    contentBase64: csv(['工号,日期,上班时间,下班时间', `KF1001,${day},07:56,`]).toString('base64'),
    mapping: null,
  });
  const { records } = await store.ok('attendance.month', { month, staffId: wang.id });
  expect(records.map((r) => r.status)).toEqual(['missing_punch']);

  await open('#/attendance');
  await page.getByRole('button', { name: '上个月' }).click();
  const people = page.getByTestId('attendance-people');
  await expect(people.locator('thead')).toContainText('缺卡');
  // 工号 姓名 班组 应出勤 实出勤 出勤率, 迟到 次/分钟, 早退 次/分钟, then 缺卡.
  const row = people.locator('.ant-table-row', { hasText: 'KF1001' });
  await expect(row.locator('.ant-table-cell').nth(10)).toHaveText('1');
  await expect(row.locator('.ant-table-cell').nth(6)).toHaveText('0'); // not late

  await page.getByRole('tab', { name: '班组视图' }).click();
  const cell = page.getByRole('button', { name: new RegExp(`^王芳 ${day}`) });
  await expect(cell).toHaveText('缺');
  await expect(cell).toHaveAttribute('title', /缺卡/);
  await expect(page.getByTestId('attendance-legend')).toContainText('缺卡');
});

test('a swap between two people of the same name tells them apart by employee number', async ({
  page,
  store,
  open,
}) => {
  const day = formatDate(new Date());
  const one = await store.ok('org.teams.create', { name: '客服一组' });
  const two = await store.ok('org.teams.create', { name: '客服二组' });
  const a = await store.ok('org.staff.create', {
    employeeNo: 'KF103',
    name: '张伟',
    teamId: one.id,
    position: 'agent',
  });
  const b = await store.ok('org.staff.create', {
    employeeNo: 'KF201',
    name: '张伟',
    teamId: two.id,
    position: 'agent',
  });
  const shifts = await store.ok('org.shiftTypes.list', {});
  const early = shifts.find((s) => s.name === '早班')!;
  const middle = shifts.find((s) => s.name === '中班')!;
  await store.ok('org.schedule.assign', {
    cells: [
      { staffId: a.id, date: day, value: early.id },
      { staffId: b.id, date: day, value: middle.id },
    ],
  });
  await store.ok('attendance.swap', {
    staffAId: a.id,
    staffBId: b.id,
    dates: [day],
    reason: '家中有事，与二组张伟互换',
  });
  await open('#/attendance');
  await page.getByRole('tab', { name: '调班记录' }).click();
  await expect(page.getByRole('row', { name: /家中有事/ })).toContainText(
    '张伟（KF103） ⇄ 张伟（KF201）',
  );
});
