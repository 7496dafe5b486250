import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { deskScreen, expect, screenshot, test } from './fixtures';

/** The words the flow reads, in each language (the screen's, from its catalogs). */
const WORDS = {
  'zh-CN': {
    template: '下载导入模板',
    import: '导入花名册',
    headers: ['工号', '姓名', '班组', '岗位', '座席号', '分机', '手机', '入职日期'],
    agent: '座席代表',
    counts: ['新增 1', '有变化 1', '无变化 1', '有问题 1'],
    fixedCounts: ['新增 2', '有变化 1', '无变化 1', '有问题 0'],
    changedKind: '有变化',
    teamChange: '班组：客服一组 → 客服二组',
    badDate: '入职日期',
    another: '重新选择文件',
    apply: '导入 3 人',
    done: '导入完成：共 4 行，新增 2 人，更新 1 人，1 人无变化',
    close: '关闭',
  },
  'en-US': {
    template: 'Download template',
    import: 'Import roster',
    headers: [
      'Employee no.',
      'Name',
      'Team',
      'Position',
      'Seat',
      'Extension',
      'Mobile',
      'Hire date',
    ],
    agent: 'Agent',
    counts: ['1 new', '1 changed', '1 unchanged', '1 with problems'],
    fixedCounts: ['2 new', '1 changed', '1 unchanged', '0 with problems'],
    changedKind: 'Changed',
    teamChange: 'Team: 客服一组 → 客服二组',
    badDate: 'Hire date',
    another: 'Choose another file',
    apply: 'Apply: 3 people',
    done: 'Imported 4 rows: 2 added, 1 updated, 1 unchanged',
    close: 'Close',
  },
} as const;

/** The downloaded template, filled in as HR would: one unchanged, one changed, new, one bad row. */
async function fillTemplate(path: string, agent: string, badDate: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows = [
    ['KF1001', '王芳', '客服一组', agent, 'A-01', '8001', '13900000001', '2025-03-01'],
    ['KF1002', '李娜', '客服二组', agent, 'A-02', '8002', '13900000002', '2024-07-15'],
    ['KF999', '赵磊', '客服二组', agent, 'B-01', '8003', '', '2026-01-05'],
    ['KF1003', '钱多', '客服二组', agent, 'B-02', '8004', '', badDate],
  ];
  rows.forEach((values, i) => {
    sheet.getRow(i + 2).values = values;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(page: Page, buffer: Buffer, name = '花名册.xlsx') {
  const mimeType = name.endsWith('.csv') ? 'text/csv' : XLSX_TYPE;
  await page
    .getByRole('dialog')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType, buffer });
}

for (const language of ['zh-CN', 'en-US'] as const) {
  const w = WORDS[language];
  test(`HR downloads the template, previews new / changed / unchanged / invalid, fixes, applies; the list sorts naturally (${language})`, async ({
    page,
    store,
    open,
  }) => {
    await deskScreen(page, language);
    const one = await store.ok('org.teams.create', { name: '客服一组' });
    await store.ok('org.teams.create', { name: '客服二组' });
    const person = (employeeNo: string, name: string, seat: string, n: number) => ({
      employeeNo,
      name,
      teamId: one.id,
      position: 'agent' as const,
      seat,
      extension: `800${n}`,
      phone: `1390000000${n}`,
      hireDate: n === 1 ? '2025-03-01' : '2024-07-15',
    });
    await store.ok('org.staff.create', person('KF1001', '王芳', 'A-01', 1));
    await store.ok('org.staff.create', person('KF1002', '李娜', 'A-02', 2));
    await store.ok('org.staff.create', { ...person('KF10000', '张伟', 'A-09', 9) });
    await open('#/roster');
    await screenshot(page, `roster-page-${language}`);

    // The template: the screen's headers, in the screen's language.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: w.template }).click();
    const file = await (await download).path();
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect((template.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(w.headers);

    const before = store.digest();
    await page.getByRole('button', { name: w.import }).click();
    await upload(page, await fillTemplate(file, w.agent, '2026-13-45'));
    const dialog = page.getByRole('dialog');
    const counts = dialog.getByTestId('import-counts');
    for (const text of w.counts) await expect(counts).toContainText(text);
    // The problem row is shown first, naming its field; nothing can be applied yet.
    await expect(dialog.getByTestId('import-rows')).toContainText('KF1003');
    await expect(dialog.getByTestId('import-rows')).toContainText(w.badDate);
    await expect(dialog.getByRole('button', { name: w.apply.replace('3', '2') })).toBeDisabled();
    await screenshot(page, `roster-import-preview-invalid-${language}`);
    await dialog.getByText(w.changedKind, { exact: true }).first().click();
    await expect(dialog.getByTestId('import-rows')).toContainText(w.teamChange);
    await screenshot(page, `roster-import-preview-changed-${language}`);
    expect(store.digest()).toBe(before);

    // Fixed in Excel, chosen again, applied.
    await dialog.getByRole('button', { name: w.another }).click();
    await upload(page, await fillTemplate(file, w.agent, '2026-02-01'));
    for (const text of w.fixedCounts) await expect(counts).toContainText(text);
    await dialog.getByRole('button', { name: w.apply }).click();
    await expect(dialog.getByTestId('import-done')).toHaveText(w.done);
    await screenshot(page, `roster-import-done-${language}`);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: w.close }).click();
    await expect(dialog).toBeHidden();

    const numbers = page.locator('.ant-table-tbody tr.ant-table-row td:first-child');
    await expect(numbers).toHaveText(['KF999', 'KF1001', 'KF1002', 'KF1003', 'KF10000']);
    await expect(page.getByRole('row', { name: /KF1002/ })).toContainText('客服二组');
    const { rows } = await store.ok('org.staff.list', { search: 'KF1001' });
    expect(rows[0]).toMatchObject({ seat: 'A-01', phone: '13900000001' });
  });

  test(`a 10,000-row roster shows its progress, then its preview (${language})`, async ({
    page,
    store,
    open,
  }) => {
    await deskScreen(page, language);
    await store.ok('org.teams.create', { name: '客服一组' });
    await open('#/roster');
    await page.getByRole('button', { name: w.import }).click();
    const lines = ['工号,姓名,班组'];
    for (let i = 1; i <= 10_000; i++) lines.push(`KF${i},员工${i},客服一组`);
    await upload(page, Buffer.from('\uFEFF' + lines.join('\r\n'), 'utf8'), '花名册.csv');
    const progress = page.getByRole('dialog').getByTestId('import-progress');
    await expect(progress).toBeVisible();
    await page.screenshot({
      path: `tests/artifacts/screenshots/roster-import-progress-${language}.png`,
    });
    await expect(page.getByRole('dialog').getByTestId('import-counts')).toContainText(
      language === 'zh-CN' ? '新增 10000' : '10000 new',
    );
  });
}
