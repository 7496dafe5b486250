import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { Session } from '../../electron/backend/core/context';
import { addDaysTo, formatDate, monthOf } from '../../shared/domain/time';
import type { TestStore } from '../helpers/store';
import { deskScreen, expect, screenshot, test } from './fixtures';

/**
 * 奖惩月报 and the what-if (issue 13, points 7 and 9) against the real backend: HR reads the
 * month's approved figures and downloads the report and the payroll pack, which the test opens;
 * a stricter late rule previewed from the attendance settings shows more proposals and writes
 * nothing.
 */

const lastMonth = () => monthOf(addDaysTo(`${monthOf(formatDate(new Date()))}-01`, -1));
const HR = { username: 'renshi', password: 'correct horse 4' };

/** Two teams, three people, a supervisor per team, a manager and HR; sessions to act as them. */
async function people(store: TestStore) {
  const team1 = await store.ok('org.teams.create', { name: '客服一组' });
  const team2 = await store.ok('org.teams.create', { name: '客服二组' });
  const add = (employeeNo: string, name: string, teamId: number) =>
    store.ok('org.staff.create', { employeeNo, name, teamId, position: 'agent' });
  const wang = await add('KF101', '王芳', team1.id);
  const li = await add('KF102', '李娜', team1.id);
  const zhao = await add('KF201', '赵强', team2.id);
  const account = async (
    username: string,
    displayName: string,
    role: Session['role'],
    teamIds: number[] = [],
  ): Promise<Session> => {
    const user = await store.ok('accounts.users.create', {
      username,
      displayName,
      role,
      password: username === HR.username ? HR.password : 'correct horse 9',
      ...(role === 'supervisor' && { teamIds }),
    });
    return { userId: user.id, username, displayName, role, teamIds };
  };
  const as = {
    lead1: await account('zhang', '张主管', 'supervisor', [team1.id]),
    lead2: await account('lihua', '李主管', 'supervisor', [team2.id]),
    manager: await account('wang', '王经理', 'manager'),
  };
  await account(HR.username, '周人事', 'hr');
  return { team1, team2, wang, li, zhao, as };
}

/** Last month: 王芳 a ¥200.10 bonus and a ¥12.35 deduction, 赵强 a ¥50 deduction, all approved. */
async function approvedRecords(store: TestStore) {
  const who = await people(store);
  const month = lastMonth();
  const catalog = await store.ok('rewards.catalog', {});
  const type = (code: string) => catalog.types.find((x) => x.code === code)!.id;
  const reason = (code: string) => catalog.reasons.find((x) => x.code === code)!.id;
  const approved = async (
    lead: Session,
    staffId: number,
    input: { reason: string; type: string; amount: string; points: number; day: string },
  ) => {
    const record = await store.ok(
      'rewards.records.propose',
      {
        staffId,
        eventDate: `${month}-${input.day}`,
        reasonId: reason(input.reason),
        typeId: type(input.type),
        amount: input.amount,
        points: input.points,
        description: '详见质检录音',
      },
      lead,
    );
    await store.ok('rewards.records.approve', { id: record.id }, who.as.manager);
  };
  await approved(who.as.lead1, who.wang.id, {
    reason: 'praise_letter',
    type: 'bonus',
    amount: '200.10',
    points: 2,
    day: '05',
  });
  await approved(who.as.lead1, who.wang.id, {
    reason: 'qa_failed',
    type: 'deduction',
    amount: '12.35',
    points: -1,
    day: '12',
  });
  await approved(who.as.lead2, who.zhao.id, {
    reason: 'qa_failed',
    type: 'deduction',
    amount: '50',
    points: -2,
    day: '20',
  });
  // Still waiting: not in the report.
  await store.ok(
    'rewards.records.propose',
    {
      staffId: who.li.id,
      eventDate: `${month}-21`,
      reasonId: reason('late'),
      description: '迟到 20 分钟',
    },
    who.as.lead1,
  );
  return { ...who, month };
}

/** Opens a file the page downloads on clicking `button`, as an exceljs workbook. */
async function downloadWorkbook(page: Page, dir: string, button: string) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  // The progress modal shows while the backend builds the file.
  const file = await download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return { name: file.suggestedFilename(), workbook };
}

const values = (sheet: ExcelJS.Worksheet, row: number) =>
  (sheet.getRow(row).values as unknown[]).slice(1);

test("HR reads the month's 奖惩 report and downloads the report and the payroll pack", async ({
  page,
  store,
  open,
}) => {
  test.setTimeout(120_000);
  const { month } = await approvedRecords(store);
  await deskScreen(page, 'zh-CN');
  await open(`#/rewards&tab=report&month=${month}`, HR);

  const totals = page.getByTestId('rewards-report-totals');
  await expect(totals).toContainText('¥200.10');
  await expect(totals).toContainText('¥62.35');
  await expect(totals).toContainText('¥137.75');
  const teams = page.getByTestId('rewards-report-teams');
  await expect(teams.locator('tr', { hasText: '客服一组' })).toContainText('187.75');
  await expect(teams.locator('tr', { hasText: '客服二组' })).toContainText('-50.00');
  const people = page.getByTestId('rewards-report-people');
  const wangRow = people.locator('.ant-table-row', { hasText: 'KF101' });
  await expect(wangRow).toContainText('王芳');
  await expect(wangRow).toContainText('200.10');
  await expect(wangRow).toContainText('12.35');
  await expect(wangRow).toContainText('187.75');
  // The waiting proposal is not counted: 李娜 is not in the report.
  await expect(people.locator('.ant-table-row', { hasText: 'KF102' })).toHaveCount(0);
  // Its counts by type, in the UI language.
  await expect(wangRow).toContainText('奖金 1');
  await expect(wangRow).toContainText('扣款 1');
  await expect(page.getByRole('img', { name: '各班组奖励与扣款（元）' })).toBeVisible();
  await expect(page.getByRole('img', { name: '各事由奖惩记录数' })).toBeVisible();
  await screenshot(page, 'rewards-report-zh-CN');
  await people.scrollIntoViewIfNeeded();
  await screenshot(page, 'rewards-report-people-zh-CN');

  const dir = mkdtempSync(join(tmpdir(), 'rewards-report-'));
  try {
    const report = await downloadWorkbook(page, dir, '导出 XLSX');
    expect(report.name).toMatch(/^奖惩月报-\d{4}年\d{1,2}月\.xlsx$/);
    await expect(page.getByText(`已导出 ${report.name}`)).toBeVisible();
    expect(report.workbook.worksheets.map((s) => s.name)).toEqual([
      '奖惩汇总',
      '班组汇总',
      '事由统计',
    ]);
    const sheet = report.workbook.getWorksheet('奖惩汇总')!;
    expect(values(sheet, 1)).toEqual([
      '工号',
      '姓名',
      '班组',
      '奖惩记录数',
      '奖励金额（元）',
      '扣款金额（元）',
      '净额（元）',
      '加分',
      '减分',
      '奖金（条）',
      '扣款（条）',
    ]);
    // Amounts are real numbers, exact to the fen.
    expect(values(sheet, 2)).toEqual([
      'KF101',
      '王芳',
      '客服一组',
      2,
      200.1,
      12.35,
      187.75,
      2,
      -1,
      1,
      1,
    ]);
    expect(values(sheet, 3)).toEqual(['KF201', '赵强', '客服二组', 1, 0, 50, -50, 0, -2, 0, 1]);
    // The screen's column words are the file's.
    const screenWords = (await people.locator('thead th').allInnerTexts()).map((s) => s.trim());
    for (const word of ['工号', '姓名', '班组', '奖励金额（元）', '扣款金额（元）', '净额（元）'])
      expect(screenWords, word).toContain(word);

    const pack = await downloadWorkbook(page, dir, '工资核算包');
    expect(pack.name).toMatch(/^工资核算包-\d{4}年\d{1,2}月\.xlsx$/);
    const names = pack.workbook.worksheets.map((s) => s.name);
    // The attendance summary, the 奖惩 summary, and a sheet per team.
    expect(names).toHaveLength(4);
    expect(names.slice(2)).toEqual(['客服一组', '客服二组']);
    const rewardsSheet = pack.workbook.worksheets[1]!;
    expect(values(rewardsSheet, 1).slice(0, 7)).toEqual([
      '工号',
      '姓名',
      '班组',
      '奖惩记录数',
      '奖励金额（元）',
      '扣款金额（元）',
      '净额（元）',
    ]);
    const team1 = pack.workbook.getWorksheet('客服一组')!;
    const header = values(team1, 1) as string[];
    expect(header.slice(0, 2)).toEqual(['工号', '姓名']);
    const net = header.indexOf('净额（元）');
    expect(net).toBeGreaterThan(1);
    const rows = [2, 3].map((r) => values(team1, r));
    const wang = rows.find((r) => r[0] === 'KF101')!;
    expect(wang[1]).toBe('王芳');
    expect(wang[header.indexOf('奖励金额（元）')]).toBe(200.1);
    expect(wang[net]).toBe(187.75);
    const team2 = values(pack.workbook.getWorksheet('客服二组')!, 2);
    expect(team2.slice(0, 2)).toEqual(['KF201', '赵强']);
    expect(team2[net]).toBe(-50);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // A person's name opens their page; a month with nothing says so.
  await wangRow.getByText('王芳').click();
  await expect(page).toHaveURL(/tab=person&staff=\d+/);
  await page.goBack();
  await expect(wangRow).toBeVisible();
  await page.getByRole('button', { name: '下个月' }).click();
  await expect(page.getByText(/没有已批准的奖惩记录/)).toBeVisible();
  await screenshot(page, 'rewards-report-empty-zh-CN');
  await expect(page).toHaveURL(new RegExp(`month=${monthOf(addDaysTo(`${month}-28`, 7))}`));
});

/** Last month: 王芳 late three times (one proposal under the rule of 3), 赵强 twice (none). */
async function lateArrivals(
  store: TestStore,
  who: Awaited<ReturnType<typeof people>>,
  month = lastMonth(),
) {
  const early = (await store.ok('org.shiftTypes.list', {})).find((s) => s.name === '早班')!;
  const late = async (staffId: number, day: string) => {
    const date = `${month}-${day}`;
    await store.ok('org.schedule.assign', { cells: [{ staffId, date, value: early.id }] });
    await store.ok('attendance.rollCall', {
      date,
      shiftTypeId: early.id,
      entries: [{ staffId, mark: 'late', arrivedAt: `${date} 08:20` }],
    });
  };
  for (const day of ['03', '04', '05']) await late(who.wang.id, day);
  for (const day of ['10', '11']) await late(who.zhao.id, day);
}

test('a stricter late rule previewed from the attendance settings shows more proposals and saves nothing', async ({
  page,
  store,
  open,
}) => {
  test.setTimeout(90_000);
  await lateArrivals(store, await people(store));
  await deskScreen(page, 'zh-CN');
  await open('#/attendanceSettings');
  const lateCount = page.getByLabel('当月迟到满 K 次生成处罚建议（0 为不启用）');
  await expect(lateCount).toHaveValue('3');
  await lateCount.fill('2');
  const before = store.digest();
  await page.getByRole('button', { name: '预览对奖惩的影响' }).click();

  // The what-if tab, the unsaved rule carried over, and a plain word that nothing is saved.
  await expect(page).toHaveURL(/#\/rewards&tab=whatIf/);
  await expect(page.getByText('预演不会保存任何内容')).toBeVisible();
  await expect(page.getByText('已带入考勤设置中未保存的规则')).toBeVisible();
  const draftLate = page.getByLabel('当月迟到满 K 次生成处罚建议（0 为不启用）');
  await expect(draftLate).toHaveValue('2');
  await screenshot(page, 'rewards-what-if-draft-zh-CN');
  await page.getByRole('button', { name: /预演\d{4}年/ }).click();

  const totals = page.getByTestId('what-if-totals');
  const proposals = totals.locator('.ant-card', { hasText: '处罚建议数' });
  await expect(proposals).toContainText('实际1');
  await expect(proposals).toContainText('草案2+1');
  const rows = page.getByTestId('what-if-people');
  await expect(rows.locator('.ant-table-row', { hasText: '赵强' })).toContainText('有变化');
  await expect(rows.locator('.ant-table-row', { hasText: '王芳' })).not.toContainText('有变化');
  await expect(page.getByRole('img', { name: '各班组处罚建议数：实际与草案' })).toBeVisible();
  await screenshot(page, 'rewards-what-if-zh-CN');

  // Nothing was written: not the rule, not a proposal.
  expect(store.digest()).toBe(before);
  expect((await store.ok('attendance.rules', {})).lateCountForPenalty).toBe(3);
});

test('the report and the what-if in English', async ({ page, store, open }) => {
  test.setTimeout(90_000);
  const { month, ...who } = await approvedRecords(store);
  await lateArrivals(store, who, month);
  await deskScreen(page, 'en-US');
  await open(`#/rewards&tab=report&month=${month}`);
  await expect(page.getByRole('tab', { name: 'Monthly report' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const totals = page.getByTestId('rewards-report-totals');
  await expect(totals).toContainText('Deductions');
  await expect(totals).toContainText('¥137.75');
  const people = page.getByTestId('rewards-report-people');
  await expect(people.locator('thead')).toContainText('Deductions (yuan)');
  await expect(people.locator('.ant-table-row', { hasText: 'KF101' })).toContainText('Bonus 1');
  await expect(page.getByRole('button', { name: 'Payroll pack' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Records by reason' })).toBeVisible();
  await screenshot(page, 'rewards-report-en-US');

  await page.getByRole('tab', { name: 'What-if' }).click();
  await expect(page.getByText('Nothing here is saved')).toBeVisible();
  await page
    .getByLabel('Propose a penalty after K late arrivals in a month (0 turns this off)')
    .fill('2');
  // A verbal warning (the late rule's type) drafted at ¥50: two proposals, ¥100.
  await page.getByLabel('Amount (yuan) of Verbal warning').fill('50');
  await page.getByRole('button', { name: /Preview [A-Z][a-z]+ \d{4}/ }).click();
  const totals2 = page.getByTestId('what-if-totals');
  await expect(totals2.locator('.ant-card', { hasText: 'Proposals' })).toContainText('Draft2+1');
  await expect(totals2.locator('.ant-card', { hasText: 'Amount' })).toContainText('Draft¥100.00');
  await screenshot(page, 'rewards-what-if-en-US');
});

test("a supervisor reads her own team's report, without the exports or the what-if", async ({
  page,
  store,
  open,
}) => {
  const { month } = await approvedRecords(store);
  await deskScreen(page, 'zh-CN');
  await open(`#/rewards&tab=report&month=${month}`, {
    username: 'zhang',
    password: 'correct horse 9',
  });
  const people = page.getByTestId('rewards-report-people');
  await expect(people.locator('.ant-table-row', { hasText: 'KF101' })).toBeVisible();
  // 赵强 is on another team.
  await expect(people.locator('.ant-table-row', { hasText: 'KF201' })).toHaveCount(0);
  await expect(page.getByTestId('rewards-report-totals')).toContainText('¥187.75');
  for (const button of ['导出 XLSX', '导出 CSV', '工资核算包'])
    await expect(page.getByRole('button', { name: button })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '规则预演' })).toHaveCount(0);
});
