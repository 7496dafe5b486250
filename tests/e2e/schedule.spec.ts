import { formatDate, weekDates, weekStartOf } from '../../shared/domain/time';
import { choose, expect, test } from './fixtures';

test('a supervisor assigns shifts and rest days on the weekly grid', async ({
  page,
  store,
  open,
}) => {
  const team = await store.ok('org.teams.create', { name: '客服一组' });
  const wang = await store.ok('org.staff.create', {
    employeeNo: 'KF1001',
    name: '王芳',
    teamId: team.id,
    position: 'agent',
  });
  await store.ok('org.staff.create', {
    employeeNo: 'KF1002',
    name: '李娜',
    teamId: team.id,
    position: 'agent',
  });
  const [monday, tuesday] = weekDates(weekStartOf(formatDate(new Date())));
  await open('#/schedule');

  await choose(page, page.getByRole('combobox', { name: `王芳 ${monday}` }), '夜班');
  await choose(page, page.getByRole('combobox', { name: `王芳 ${tuesday}` }), '休息');
  await expect(page.getByRole('columnheader').filter({ hasText: '夜班 1' })).toBeVisible();

  const shifts = await store.ok('org.shiftTypes.list', {});
  const night = shifts.find((s) => s.name === '夜班')!.id;
  await expect
    .poll(
      async () =>
        (await store.ok('org.schedule.week', { teamId: team.id, weekStart: monday! })).cells,
    )
    .toEqual(
      expect.arrayContaining([
        { staffId: wang.id, date: monday, value: night },
        { staffId: wang.id, date: tuesday, value: 'rest' },
      ]),
    );

  // What was saved is what the grid shows after a restart of the page.
  await page.reload();
  await expect(page.getByRole('combobox', { name: `王芳 ${monday}` }).locator('..')).toContainText(
    '夜班',
  );
  await expect(page.getByRole('combobox', { name: `王芳 ${tuesday}` }).locator('..')).toContainText(
    '休息',
  );
});

test('copy last week fills this week from the week before', async ({ page, store, open }) => {
  const team = await store.ok('org.teams.create', { name: '客服一组' });
  const wang = await store.ok('org.staff.create', {
    employeeNo: 'KF1001',
    name: '王芳',
    teamId: team.id,
    position: 'agent',
  });
  const thisWeek = weekStartOf(formatDate(new Date()));
  const lastWeek = weekDates(weekStartOf(formatDate(new Date(Date.now() - 7 * 86_400_000))));
  const early = (await store.ok('org.shiftTypes.list', {})).find((s) => s.name === '早班')!.id;
  await store.ok('org.schedule.assign', {
    cells: lastWeek.map((date) => ({ staffId: wang.id, date, value: early })),
  });
  await open('#/schedule');
  await page.getByRole('button', { name: '复制上周排班' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已复制 7 个班次')).toBeVisible();
  await expect(
    page.getByRole('combobox', { name: `王芳 ${thisWeek}` }).locator('..'),
  ).toContainText('早班');
});
