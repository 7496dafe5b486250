import { loadDemo } from '../../db/demo';
import { formatDate } from '../../shared/domain/time';
import { deskScreen, expect, screenshot, test } from './fixtures';

/**
 * The month summary at the desk's 1366 px: a month in progress says what it counts to, and no
 * figure column hides under the fixed rate column, whichever way the table is scrolled.
 */
for (const language of ['zh-CN', 'en-US'] as const) {
  test(`month summary at 1366 px, month to date (${language})`, async ({ page, store, open }) => {
    test.setTimeout(120_000);
    const zh = language === 'zh-CN';
    await deskScreen(page, language);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await loadDemo(store.store.db, { today: formatDate(new Date()) });
    await open('#/attendance');
    const table = page.getByTestId('attendance-people');
    await expect(table.locator('.ant-table-row').first()).toBeVisible();
    // The current month: its figures are as of now, and the screen says so.
    await expect(page.getByTestId('attendance-through')).toContainText(
      zh ? '本月尚未结束：数字截至' : 'This month is not over: figures as of',
    );
    await screenshot(page, `attendance-summary-mtd-${language}`);

    await page.getByRole('button', { name: zh ? '上个月' : 'Previous month' }).click();
    await expect(page.getByTestId('attendance-through')).toHaveCount(0);
    await expect(table.locator('.ant-table-row').first()).toBeVisible();

    // Nothing is fixed at the right edge to cover other columns, and the rate shows unscrolled;
    // scrolled fully right, the last column ends inside the table.
    for (const which of ['attendance-team-totals', 'attendance-people']) {
      const box = page.getByTestId(which);
      await expect(box.locator('thead th.ant-table-cell-fix-end')).toHaveCount(0);
      const tableBox = (await box.boundingBox())!;
      const rateAt0 = (await box
        .locator('thead th', { hasText: zh ? /^出勤率$/ : /^Attendance rate$/ })
        .last()
        .boundingBox())!;
      expect(rateAt0.x + rateAt0.width).toBeLessThanOrEqual(tableBox.x + tableBox.width);
      // As a user does it: the wheel sideways over the table (the virtual table has its own scroller).
      await box.locator('.ant-table-row').first().scrollIntoViewIfNeeded();
      await box.locator('.ant-table-row').first().hover();
      for (let i = 0; i < 5; i++) await page.mouse.wheel(2000, 0);
      await page.waitForTimeout(200);
      const unrecorded = box
        .locator('thead th', { hasText: zh ? /^未记录$/ : /^Unrecorded$/ })
        .last();
      const end = (await unrecorded.boundingBox())!;
      expect(end.x + end.width, `${which}: the last column shows`).toBeLessThanOrEqual(
        tableBox.x + tableBox.width + 1,
      );
    }
    await screenshot(page, `attendance-summary-scrolled-${language}`);
  });
}
