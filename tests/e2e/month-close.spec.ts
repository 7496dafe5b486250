import { addDaysTo, formatDate, monthDates, monthOf } from '../../shared/domain/time';
import { deskScreen, expect, screenshot, test } from './fixtures';

/** Last month: complete, so it can be closed. */
const lastMonth = () => monthOf(addDaysTo(`${monthOf(formatDate(new Date()))}-01`, -1));

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`month close names the month, warns of what is open, then locks the screen too (${language})`, async ({
    page,
    store,
    open,
  }) => {
    const zh = language === 'zh-CN';
    await deskScreen(page, language);
    const month = lastMonth();
    const [year, monthNo] = month.split('-').map(Number);
    const named = zh
      ? `${year}年${monthNo}月`
      : new Date(year!, monthNo! - 1, 1).toLocaleString('en-US', {
          month: 'long',
          year: 'numeric',
        });
    const [d1, d2, d3] = monthDates(month);
    const team = await store.ok('org.teams.create', { name: '客服一组' });
    const wang = await store.ok('org.staff.create', {
      employeeNo: 'KF1001',
      name: '王芳',
      teamId: team.id,
      position: 'agent',
    });
    const early = (await store.ok('org.shiftTypes.list', {})).find((s) => s.code === 'E')!;
    await store.ok('org.schedule.assign', {
      cells: [d1, d2, d3].map((date) => ({ staffId: wang.id, date: date!, value: early.id })),
    });
    // One 旷工 (a penalty proposal pending), one present, one shift nobody recorded.
    for (const [date, mark] of [
      [d1, 'absent'],
      [d2, 'present'],
    ] as const) {
      await store.ok('attendance.rollCall', {
        date: date!,
        shiftTypeId: early.id,
        entries: [{ staffId: wang.id, mark }],
      });
    }

    await open('#/attendance');
    await page.getByRole('button', { name: zh ? '上个月' : 'Previous month' }).click();
    await expect(page.getByTestId('attendance-people').locator('.ant-table-row')).toHaveCount(1);
    await page.getByRole('button', { name: zh ? '月结' : 'Close month' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText(zh ? `月结 ${named}？` : `Close ${named}?`);
    await expect(confirm).not.toContainText(month);
    await expect(confirm).toContainText(
      zh ? '还有 1 条处罚建议待审批' : 'Penalty proposals still awaiting approval this month: 1',
    );
    await expect(confirm).toContainText(
      zh ? '还有 1 个已排班的班次没有考勤记录' : 'no attendance record this month: 1',
    );
    await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
    await screenshot(page, `attendance-close-confirm-${language}`);
    await confirm.getByRole('button', { name: zh ? '月结' : 'Close month' }).click();
    await expect(page.getByTestId('attendance-closed')).toContainText(named);

    // Closed: the screen offers no clock import, leave entry or swap for this month.
    for (const name of zh
      ? ['打卡导入', '请假登记', '调班']
      : ['Import clock data', 'Record leave', 'Swap']) {
      await expect(page.getByRole('button', { name })).toBeDisabled();
    }
    await screenshot(page, `attendance-closed-${language}`);
    // The month after is open: the buttons come back.
    await page.getByRole('button', { name: zh ? '下个月' : 'Next month' }).click();
    await expect(
      page.getByRole('button', { name: zh ? '打卡导入' : 'Import clock data' }),
    ).toBeEnabled();
  });
}
