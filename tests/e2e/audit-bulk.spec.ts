import type { Channel, Input, Output } from '../../shared/contract';
import { ADMIN, deskScreen, expect, screenshot, test } from './fixtures';

/**
 * A clock import of many rows is one entry in the audit trail: it reads "导入 50 行", opens to
 * its rows page by page with the screens' words and people's names, and a person's name there
 * opens that record's history.
 */
const WORDS = {
  'zh-CN': {
    summary: '导入 50 行',
    open: '展开明细',
    clockIn: '上班打卡',
    present: '到岗',
    history: '记录历史：考勤记录 员工0 2026-11-16',
  },
  'en-US': {
    summary: 'Import: 50 rows',
    open: 'Show rows',
    clockIn: 'Clock-in',
    present: 'Present',
    history: 'History of Attendance record 员工0 2026-11-16',
  },
};

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`a 50-row clock import is one audit entry that opens to its rows (${language})`, async ({
    page,
    store,
    open,
  }) => {
    const words = WORDS[language];
    await deskScreen(page, language);
    const signedIn = await store.backend.call(
      'accounts.signIn',
      { username: ADMIN.username, password: ADMIN.password },
      null,
    );
    const token = signedIn.ok ? (signedIn.value as { token: string }).token : '';
    const as = async <C extends Channel>(channel: C, input: Input<C>) => {
      const result = await store.backend.call(channel, input, token);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as Output<C>;
    };
    const base64 = (text: string) => Buffer.from(text).toString('base64');
    await as('org.teams.create', { name: '客服一组' });
    const people = Array.from({ length: 25 }, (_, i) => `KF${100 + i},员工${i},客服一组,座席代表`);
    await as('org.staff.import', {
      fileName: '花名册.csv',
      contentBase64: base64(['工号,姓名,班组,岗位', ...people].join('\n')),
    });
    const staff = (await as('org.staff.list', { page: 1, pageSize: 50 })).rows;
    const shift = (await as('org.shiftTypes.list', {}))[0]!;
    const days = ['2026-11-16', '2026-11-17'];
    await as('org.schedule.assign', {
      cells: staff.flatMap((p) => days.map((date) => ({ staffId: p.id, date, value: shift.id }))),
    });
    const lines = staff.flatMap((p) =>
      days.flatMap((d) => [
        `${p.employeeNo},${d} ${shift.startTime}`,
        `${p.employeeNo},${d} ${shift.endTime}`,
      ]),
    );
    await as('attendance.applyImport', {
      fileName: '打卡.csv',
      contentBase64: base64(['工号,打卡时间', ...lines].join('\n')),
    });

    await open('#/audit');
    const entry = page.locator('.ant-table-tbody > tr.ant-table-row', { hasText: words.summary });
    await expect(entry).toHaveCount(1);
    await entry.getByRole('button', { name: words.open }).click();
    const rows = entry.locator('.ant-table .ant-table-tbody > tr.ant-table-row');
    await expect(rows).toHaveCount(20);
    await expect(entry.getByRole('columnheader', { name: words.clockIn })).toBeVisible();
    await expect(rows.first()).toContainText('员工0');
    await expect(rows.first()).toContainText(words.present);
    await expect(rows.first()).toContainText(shift.name);
    await expect(entry).not.toContainText('#');
    await screenshot(page, `audit-bulk-${language}`);

    // The last page of the rows: 41 to 50.
    await entry.locator('.ant-pagination-item-3').click();
    await expect(rows).toHaveCount(10);
    await expect(rows.first()).toContainText('41');

    // A record's name opens its history: only the import that wrote it.
    await entry.locator('.ant-pagination-item-1').click();
    await rows.first().getByRole('button', { name: /员工0/ }).click();
    await expect(page.getByText(words.history)).toBeVisible();
    await expect(page.locator('.ant-table-tbody > tr.ant-table-row').first()).toContainText(
      words.summary,
    );
  });
}
