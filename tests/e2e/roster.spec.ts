import { choose, expect, test } from './fixtures';

test('HR adds, edits and marks a person as left on the roster', async ({ page, store, open }) => {
  await store.ok('org.teams.create', { name: '客服一组' });
  await open('#/roster');
  await expect(page.getByText('还没有员工')).toBeVisible();

  // A missing employee number is named next to its field, and nothing is saved.
  await page.getByRole('button', { name: '新增员工' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('王芳');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('工号不能为空')).toBeVisible();
  expect((await store.ok('org.staff.list', { page: 1, pageSize: 10 })).total).toBe(0);

  await dialog.getByLabel('工号').fill('KF1001');
  await choose(page, dialog.getByLabel('班组'), '客服一组');
  await dialog.getByLabel('座席号').fill('A-01');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已新增员工 王芳')).toBeVisible();
  const row = page.getByRole('row', { name: /KF1001/ });
  await expect(row).toContainText('客服一组');
  await expect(row).toContainText('在职');

  await row.getByRole('button', { name: '编辑' }).click();
  await page.getByRole('dialog').getByLabel('姓名').fill('王芳芳');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('row', { name: /KF1001/ })).toContainText('王芳芳');

  await page
    .getByRole('row', { name: /KF1001/ })
    .getByRole('button', { name: '办理离职' })
    .click();
  const leave = page.getByRole('dialog');
  await leave.getByLabel('离职原因').fill('个人原因');
  await leave.getByRole('button', { name: '办理离职' }).click();
  await expect(page.getByText('王芳芳 已办理离职')).toBeVisible();
  const leftRow = page.getByRole('row', { name: /KF1001/ });
  await expect(leftRow).toContainText('离职');
  await expect(leftRow.getByRole('button', { name: '编辑' })).toHaveCount(0);

  // The record stays: left, never deleted.
  const saved = await store.ok('org.staff.list', { page: 1, pageSize: 10 });
  expect(saved.rows).toMatchObject([
    { employeeNo: 'KF1001', name: '王芳芳', status: 'left', leftReason: '个人原因' },
  ]);
});

test('the roster searches and filters', async ({ page, store, open }) => {
  const team = await store.ok('org.teams.create', { name: '客服一组' });
  await store.ok('org.staff.create', {
    employeeNo: 'KF1001',
    name: '王芳',
    teamId: team.id,
    position: 'agent',
  });
  await store.ok('org.staff.create', { employeeNo: 'KF1002', name: '李娜', position: 'qa' });
  await open('#/roster');
  await expect(page.getByRole('row')).toHaveCount(3);
  await page.getByRole('searchbox').fill('李');
  await page.getByRole('searchbox').press('Enter');
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('row', { name: /李娜/ })).toContainText('质检员');
  await page.getByRole('searchbox').fill('张三丰');
  await page.getByRole('searchbox').press('Enter');
  await expect(page.getByText('没有符合条件的员工')).toBeVisible();
});

test('positions read in the interface language', async ({ page, store, open }) => {
  await store.ok('org.staff.create', { employeeNo: 'KF1002', name: '李娜', position: 'qa' });
  await store.ok('org.staff.create', { employeeNo: 'KF1003', name: '张伟', position: 'team_lead' });
  await page.addInitScript(() => localStorage.setItem('supervisor-console.language', 'en-US'));
  await open('#/roster');
  await expect(page.getByRole('row', { name: /李娜/ })).toContainText('QA');
  await expect(page.getByRole('row', { name: /张伟/ })).toContainText('Team lead');
  await expect(page.getByText('质检员')).toHaveCount(0);
  await expect(page.getByText('班长')).toHaveCount(0);
});
