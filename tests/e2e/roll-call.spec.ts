import type { Page } from '@playwright/test';
import type { ShiftType } from '../../shared/contract';
import { currentAndNextInstances } from '../../shared/domain/attendance';
import { addDaysTo, fromWallMinutes, wallMinutes } from '../../shared/domain/time';
import { nightShift } from '../helpers/fixtures';
import type { TestStore } from '../helpers/store';
import { expect, screenshot, test } from './fixtures';

/**
 * The page reads the desk's clock; the browser runs in Asia/Shanghai (playwright.config), whatever
 * zone this process runs in. The test reads the same wall clock the same way.
 */
function shanghaiNow(offsetMinutes = 0): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + offsetMinutes * 60_000));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The current shift instance, once it is safely the same for the next few minutes. */
async function steadyCurrentInstance(shifts: ShiftType[]) {
  const active = shifts.filter((s) => s.active);
  for (;;) {
    const now = currentAndNextInstances(shanghaiNow(), active).current!;
    const soon = currentAndNextInstances(shanghaiNow(3), active).current!;
    if (now.date === soon.date && now.shiftTypeId === soon.shiftTypeId) return now;
    // A shift changes over within minutes: let it, so the page and the test agree.
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  }
}

async function seedTeam(store: TestStore, names: string[]) {
  const team = await store.ok('org.teams.create', { name: '客服一组' });
  const staff = [];
  for (const [i, name] of names.entries()) {
    staff.push(
      await store.ok('org.staff.create', {
        employeeNo: `KF10${String(i + 1).padStart(2, '0')}`,
        name,
        teamId: team.id,
        position: 'agent',
      }),
    );
  }
  return { team, staff };
}

const SUPERVISOR = { username: 'zhuguan', password: 'correct horse 2' };

/** The row of one person in the roll-call table. */
const row = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });

test('a supervisor takes the roll of the current shift with the keyboard alone', async ({
  page,
  store,
  open,
}) => {
  test.setTimeout(300_000);
  const { team, staff } = await seedTeam(store, ['王芳', '李娜', '张伟', '刘洋', '陈静', '杨磊']);
  const shifts = await store.ok('org.shiftTypes.list', {});
  const instance = await steadyCurrentInstance(shifts);
  const shift = shifts.find((s) => s.id === instance.shiftTypeId)!;
  await store.ok('org.schedule.assign', {
    cells: staff.map((s) => ({ staffId: s.id, date: instance.date, value: shift.id })),
  });
  const sick = (await store.ok('attendance.leaveTypes.list', {})).find((lt) => lt.code === 'sick')!;
  await store.ok('accounts.users.create', {
    username: SUPERVISOR.username,
    displayName: '李主管',
    role: 'supervisor',
    teamIds: [team.id],
    password: SUPERVISOR.password,
  });

  await open('#/rollCall', SUPERVISOR);
  await expect(page.getByTestId('rollcall-keys')).toContainText('其余全部到岗');
  // The page opens on the current shift with the keyboard on the first person.
  await expect(row(page, '王芳')).toBeFocused();

  await page.keyboard.press('1');
  await expect(row(page, '李娜')).toBeFocused();

  // Esc backs out of a prompt and leaves the keyboard where it was.
  await page.keyboard.press('4');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(row(page, '李娜')).toBeFocused();

  await page.keyboard.press('2');
  const arrival = page.getByRole('dialog').getByLabel('到岗时间');
  await expect(arrival).toBeFocused();
  // 25 minutes after the start: past the 5-minute grace, short of the 30-minute half-day rule.
  const arrivedAt = fromWallMinutes(wallMinutes(`${instance.date} ${shift.startTime}`) + 25);
  const lateAt = arrivedAt.slice(11);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(lateAt);
  await expect(page.getByRole('dialog')).toContainText('迟到 25 分钟');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(row(page, '张伟')).toBeFocused();

  await page.keyboard.press('3');
  await expect(row(page, '刘洋')).toBeFocused();

  await page.keyboard.press('4');
  await expect(page.getByRole('dialog').getByRole('radio', { name: '事假' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('dialog').getByRole('radio', { name: '病假' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(row(page, '陈静')).toBeFocused();

  // Everyone not yet marked is present: Shift+1, the key on the legend.
  await page.keyboard.press('Shift+1');
  await expect(page.getByTestId('rollcall-counts').first()).toContainText('未点名 0');

  const expected: Record<string, string> = {
    王芳: 'present',
    李娜: 'late',
    张伟: 'absent',
    刘洋: 'leave',
    陈静: 'present',
    杨磊: 'present',
  };
  const saved = await store.ok('attendance.shift', { ...instance, teamId: team.id });
  expect(Object.fromEntries(saved.people.map((p) => [p.name, p.record?.status]))).toEqual(expected);
  const byName = new Map(saved.people.map((p) => [p.name, p.record!]));
  expect(byName.get('李娜')).toMatchObject({
    lateMinutes: 25,
    absenceDays: 0,
    clockIn: arrivedAt,
  });
  expect(byName.get('张伟')).toMatchObject({ absenceDays: 1 });
  expect(byName.get('刘洋')).toMatchObject({ leaveTypeId: sick.id });
  expect(saved.counts).toEqual({
    scheduled: 6,
    present: 3,
    late: 1,
    absent: 1,
    leave: 1,
    unrecorded: 0,
  });

  // What was saved is what the page shows after a reload.
  await page.reload();
  // The status reads as the button that set it.
  await expect(row(page, '王芳').locator('.ant-tag').first()).toHaveText('到岗');
  await expect(row(page, '李娜')).toContainText('迟到 25 分钟');
  await expect(row(page, '张伟')).toContainText('旷工');
  await expect(row(page, '刘洋')).toContainText('请假 · 病假');
  await expect(row(page, '杨磊').locator('.ant-tag').first()).toHaveText('到岗');
});

test('a late entry for last night: 00:10 on a 22:00–08:00 shift is the next morning', async ({
  page,
  store,
  open,
}) => {
  const { team, staff } = await seedTeam(store, ['王芳']);
  const night = await store.ok('org.shiftTypes.create', nightShift({ code: 'N2' }));
  const yesterday = addDaysTo(shanghaiNow().slice(0, 10), -1);
  await store.ok('org.schedule.assign', {
    cells: [{ staffId: staff[0]!.id, date: yesterday, value: night.id }],
  });

  await open('#/rollCall');
  const date = page.getByLabel('选择日期');
  await date.click();
  await date.fill(yesterday);
  await date.press('Enter');
  const shift = page.getByRole('combobox', { name: '选择班次' });
  await shift.click();
  await page.keyboard.type('大夜班');
  await page.keyboard.press('Enter');
  await expect(page.getByText('补点名', { exact: true })).toBeVisible();

  await row(page, '王芳').click();
  await page.keyboard.press('2');
  const arrival = page.getByRole('dialog').getByLabel('到岗时间');
  await expect(arrival).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0010');
  const nextDay = addDaysTo(yesterday, 1);
  await expect(page.getByRole('dialog')).toContainText('迟到 130 分钟，按旷工半天计');
  await page.keyboard.press('Enter');
  await expect(row(page, '王芳')).toContainText('迟到 130 分钟');
  await expect(row(page, '王芳')).toContainText('计旷工半天');

  const saved = await store.ok('attendance.shift', {
    date: yesterday,
    shiftTypeId: night.id,
    teamId: team.id,
  });
  expect(saved.people[0]!.record).toMatchObject({
    status: 'late',
    clockIn: `${nextDay} 00:10`,
    lateMinutes: 130,
    absenceDays: 0.5,
  });
});

test('a closed month says so and offers no marks', async ({ page, store, open }) => {
  test.setTimeout(300_000);
  const { staff } = await seedTeam(store, ['王芳']);
  const shifts = await store.ok('org.shiftTypes.list', {});
  const instance = await steadyCurrentInstance(shifts);
  await store.ok('org.schedule.assign', {
    cells: [{ staffId: staff[0]!.id, date: instance.date, value: instance.shiftTypeId }],
  });
  await store.ok('attendance.closeMonth', { month: instance.date.slice(0, 7) });

  await open('#/rollCall');
  // The month as Chinese writes it, and closing is 月结, as on every other screen.
  const [year, month] = instance.date.split('-').map(Number);
  await expect(page.getByText(`${year}年${month}月的考勤已月结`).first()).toBeVisible();
  await expect(row(page, '王芳').first().getByRole('button', { name: '到岗' })).toBeDisabled();
  await row(page, '王芳').first().focus();
  await page.keyboard.press('1');
  const saved = await store.ok('attendance.shift', instance);
  expect(saved.people[0]!.record).toBeNull();
});

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`roll-call screen (${language})`, async ({ page, store, open }) => {
    test.setTimeout(300_000);
    await page.addInitScript(
      (lang) => localStorage.setItem('supervisor-console.language', lang),
      language,
    );
    const { team, staff } = await seedTeam(store, [
      '王芳',
      '李娜',
      '张伟',
      '刘洋',
      '陈静',
      '杨磊',
      '赵敏',
      '黄勇',
      '周婷',
      '吴斌',
      '徐丽',
      '欧阳晓峰',
    ]);
    const shifts = await store.ok('org.shiftTypes.list', {});
    const current = await steadyCurrentInstance(shifts);
    const next = currentAndNextInstances(
      shanghaiNow(),
      shifts.filter((s) => s.active),
    ).next!;
    const onCurrent = staff.slice(0, 8);
    await store.ok('org.schedule.assign', {
      cells: [
        ...onCurrent.map((s) => ({
          staffId: s.id,
          date: current.date,
          value: current.shiftTypeId,
        })),
        ...staff.slice(8).map((s) => ({ staffId: s.id, date: next.date, value: next.shiftTypeId })),
      ],
    });
    const shift = shifts.find((s) => s.id === current.shiftTypeId)!;
    const late = fromWallMinutes(wallMinutes(`${current.date} ${shift.startTime}`) + 40);
    const sick = (await store.ok('attendance.leaveTypes.list', {})).find(
      (lt) => lt.code === 'sick',
    )!;
    const [wang, li, zhang, liu, , , zhao] = onCurrent;
    await store.ok('attendance.rollCall', {
      ...current,
      teamId: team.id,
      entries: [
        { staffId: wang!.id, mark: 'present' },
        { staffId: li!.id, mark: 'late', arrivedAt: late },
        { staffId: zhang!.id, mark: 'present' },
        { staffId: liu!.id, mark: 'leave', leaveTypeId: sick.id },
        { staffId: zhao!.id, mark: 'absent' },
      ],
    });

    await open('#/rollCall');
    await expect(page.getByTestId('rollcall-counts')).toHaveCount(2);
    // Both lists are in, and their buttons have faded in from the loading state.
    await expect(
      page.getByRole('button', { name: /其余全部到岗|Mark the rest present/ }).last(),
    ).toBeEnabled();
    await page.waitForTimeout(500);
    await screenshot(page, `rollcall-${language}`);

    // The late prompt as the supervisor sees it, for a look at its wording.
    await page.keyboard.press('2');
    await expect(page.getByRole('dialog')).toBeVisible();
    // Let the dialog finish zooming in.
    await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
    await screenshot(page, `rollcall-late-prompt-${language}`);
  });
}
