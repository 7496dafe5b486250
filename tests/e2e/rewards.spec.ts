import { choose, deskScreen, expect, screenshot, test } from './fixtures';
import { A, seed, today } from './handover-fixtures';

/** 奖惩 (issue 13) in the Chinese UI against the real backend. */
test('a supervisor proposes a penalty for a person of her team and sees the ladder suggestion', async ({
  page,
  store,
  open,
}) => {
  await seed(store);
  await deskScreen(page, 'zh-CN');
  await open('', A);
  await page.getByRole('menuitem', { name: '奖惩' }).click();
  await expect(page.getByText('提出奖惩', { exact: true })).toBeVisible();
  await choose(page, page.getByRole('combobox', { name: '员工' }), '李娜 · KF102');
  await choose(page, page.getByRole('combobox', { name: '奖惩事由' }), '迟到');
  // The first warning of the ladder, for a person with none active.
  await expect(page.getByText(/纪律阶梯建议/)).toBeVisible();
  await page.getByLabel('事情描述').fill('连续两次迟到超过15分钟');
  await expect(page.locator('.ant-select-dropdown').filter({ visible: true })).toHaveCount(0);
  await screenshot(page, 'rewards-propose-zh-CN');
  await page.getByRole('button', { name: '提交审批' }).click();
  await expect(page.getByText('已提交，待审批')).toBeVisible();
  const list = await store.ok('rewards.records.list', { state: 'proposed' });
  expect(list.rows.map((r) => r.staffName)).toEqual(['李娜']);
  expect(list.rows[0]!.eventDate).toBe(today());
});

test('the proposal form in English', async ({ page, store, open }) => {
  await seed(store);
  await deskScreen(page, 'en-US');
  await open('', A);
  await page.getByRole('menuitem', { name: 'Rewards & penalties' }).click();
  await choose(page, page.getByRole('combobox', { name: 'Person' }), '李娜 · KF102');
  await choose(page, page.getByRole('combobox', { name: 'Reason' }), 'Late');
  await expect(page.getByText(/Discipline ladder suggests/)).toBeVisible();
  await expect(page.locator('.ant-select-dropdown').filter({ visible: true })).toHaveCount(0);
  await screenshot(page, 'rewards-propose-en-US');
});
