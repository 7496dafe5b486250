import type { TestStore } from '../helpers/store';
import { choose, deskScreen, expect, screenshot, signIn, test } from './fixtures';

/**
 * Accounts belong to people and supervisors to teams: the administrator links an account to its
 * staff record and assigns a supervisor's teams in the account dialog; the supervisor then sees
 * only their teams, and one with no team is told to ask the administrator.
 */

async function seedTwoTeams(store: TestStore) {
  const one = await store.ok('org.teams.create', { name: '客服一组' });
  const two = await store.ok('org.teams.create', { name: '客服二组' });
  for (const [employeeNo, name, teamId] of [
    ['KF1001', '王芳', one.id],
    ['KF1002', '李娜', one.id],
    ['KF2001', '赵强', two.id],
  ] as const)
    await store.ok('org.staff.create', { employeeNo, name, teamId, position: 'agent' });
  return { one, two };
}

const PASSWORD = 'night shift lead 7';

test('the administrator links an account to a person and a supervisor to a team; the supervisor sees only that team', async ({
  page,
  store,
  open,
}) => {
  await deskScreen(page, 'zh-CN');
  await seedTwoTeams(store);
  await open('#/users');
  await page.getByRole('button', { name: '新增账号' }).click();
  const dialog = page.getByRole('dialog');

  // The dialog promises only what exists: the screens each role opens, read from the menu.
  const hint = dialog.getByTestId('role-hint');
  await expect(hint).toContainText('点名');
  await expect(hint).toContainText('只能查看和填写所分配班组的数据');
  // Under load a click can land while the dialog still zooms in: click until the role is taken.
  await expect(async () => {
    await dialog.getByText('经理', { exact: true }).click();
    await expect(dialog.getByRole('radio', { name: '经理' })).toBeChecked({ timeout: 1000 });
  }).toPass();
  await expect(hint).toContainText('考勤');
  await expect(hint).not.toContainText('审批');
  await expect(hint).not.toContainText('考核');
  await expect(dialog.getByLabel('负责班组')).toHaveCount(0);
  await dialog.getByText('值班主管', { exact: true }).click();

  await dialog.getByLabel('用户名').fill('lifang');
  await dialog.getByLabel('姓名（显示名）').fill('王芳');
  await choose(page, dialog.getByLabel('负责班组'), '客服一组');
  await page.keyboard.press('Escape'); // close the multiple select's list, not the dialog
  await dialog.getByLabel('对应员工').fill('KF1001');
  await page
    .locator('.ant-select-dropdown .ant-select-item-option')
    .filter({ hasText: 'KF1001', visible: true })
    .click();
  await dialog.getByLabel('密码').fill(PASSWORD);
  await screenshot(page, 'teams-account-dialog-zh-CN');
  await dialog.getByRole('button', { name: '保存' }).click();
  const row = page.getByRole('row', { name: /lifang/ });
  await expect(row).toContainText('客服一组');
  await expect(row).toContainText('王芳 · KF1001');

  // A second supervisor, with no team yet.
  await page.getByRole('button', { name: '新增账号' }).click();
  await dialog.getByLabel('用户名').fill('newlead');
  await dialog.getByLabel('姓名（显示名）').fill('陈新');
  await dialog.getByLabel('密码').fill(PASSWORD);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('row', { name: /newlead/ })).toContainText('未分配班组');
  await screenshot(page, 'teams-accounts-zh-CN');

  // The idle sign-out: 0 minutes is refused beside the box, not quietly saved as 1.
  const idle = page.getByLabel('无操作自动退出（分钟）');
  await idle.fill('0');
  await page.getByRole('button', { name: '保存' }).last().click();
  await expect(
    page.getByRole('alert').filter({ hasText: '请填写 5–480 之间的整数分钟' }),
  ).toBeVisible();
  expect(await store.ok('accounts.security', {})).toEqual({ idleMinutes: 15 });
  await screenshot(page, 'teams-idle-refused-zh-CN');
  expect(
    (await store.ok('accounts.users.list', {})).find((u) => u.username === 'lifang'),
  ).toMatchObject({ role: 'supervisor', teamIds: [1], staff: { employeeNo: 'KF1001' } });

  // The supervisor with no team: the team screens say why they are empty, and who can help.
  await page.getByRole('button', { name: /张主任/ }).click();
  await page.getByText('切换用户').click();
  await signIn(page, 'newlead', PASSWORD);
  await page.getByRole('menuitem', { name: '点名' }).click();
  await expect(page.getByText('还没有为您分配班组')).toBeVisible();
  await expect(page.getByText(/请联系管理员/)).toBeVisible();
  await screenshot(page, 'teams-no-team-zh-CN');

  // The team's supervisor: the schedule opens on their team and offers no other.
  await page.getByRole('button', { name: /陈新/ }).click();
  await page.getByText('切换用户').click();
  await signIn(page, 'lifang', PASSWORD);
  await page.getByRole('menuitem', { name: '排班' }).click();
  await expect(page.getByText(/^KF1001 · /)).toBeVisible();
  await expect(page.getByText(/^KF2001 · /)).toHaveCount(0);
  await page.getByLabel('班组').click();
  await expect(
    page.locator('.ant-select-dropdown .ant-select-item-option').filter({ visible: true }),
  ).toHaveText(['客服一组']);
  await page.keyboard.press('Escape');
  await screenshot(page, 'teams-schedule-supervisor-zh-CN');
});

test('the same screens in English', async ({ page, store, open }) => {
  await deskScreen(page, 'en-US');
  const { one } = await seedTwoTeams(store);
  await store.ok('accounts.users.create', {
    username: 'lifang',
    displayName: 'Wang Fang',
    role: 'supervisor',
    staffId: 1,
    teamIds: [one.id],
    password: PASSWORD,
  });
  await store.ok('accounts.users.create', {
    username: 'newlead',
    displayName: 'Chen Xin',
    role: 'supervisor',
    password: PASSWORD,
  });
  await open('#/users');
  await expect(page.getByRole('row', { name: /newlead/ })).toContainText('No team assigned');
  await screenshot(page, 'teams-accounts-en-US');
  await page
    .getByRole('row', { name: /lifang/ })
    .getByRole('button', { name: 'Edit' })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('role-hint')).toContainText('Roll-call');
  await expect(dialog.getByText('客服一组', { exact: true })).toBeVisible();
  // The dialog has finished zooming in before the picture is taken.
  await expect
    .poll(() => dialog.evaluate((el) => getComputedStyle(el.closest('.ant-modal') ?? el).opacity))
    .toBe('1');
  await screenshot(page, 'teams-account-dialog-en-US');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: /张主任/ }).click();
  await page.getByText('Switch user').click();
  await signIn(page, 'newlead', PASSWORD);
  await page.getByRole('menuitem', { name: 'Handover' }).click();
  await expect(page.getByText('No team is assigned to you yet')).toBeVisible();
  await screenshot(page, 'teams-no-team-en-US');

  await page.getByRole('button', { name: /Chen Xin/ }).click();
  await page.getByText('Switch user').click();
  await signIn(page, 'lifang', PASSWORD);
  await page.getByRole('menuitem', { name: 'calendar Schedule' }).click();
  await expect(page.getByText(/^KF1001 · /)).toBeVisible();
  await expect(page.getByText(/^KF2001 · /)).toHaveCount(0);
  await screenshot(page, 'teams-schedule-supervisor-en-US');
});
