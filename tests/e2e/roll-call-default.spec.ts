import type { Page } from '@playwright/test';
import type { TestStore } from '../helpers/store';
import { deskScreen, expect, screenshot, test } from './fixtures';

/**
 * Which shift the roll-call opens on, with the page's clock set (Asia/Shanghai, as the desk): at
 * 07:50 the early shift's meeting, not the night shift ending; the keyboard on its first person;
 * a shift nobody of the team works is one line, never pushing the list below the fold.
 */
const row = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });

async function seed(store: TestStore, date: string) {
  const team = await store.ok('org.teams.create', { name: '客服一组' });
  const names = ['王芳', '李娜', '张伟', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周婷', '吴斌'];
  const staff = [];
  for (const [i, name] of names.entries()) {
    staff.push(
      await store.ok('org.staff.create', {
        employeeNo: `KF20${String(i + 1).padStart(2, '0')}`,
        name,
        teamId: team.id,
        position: 'agent',
      }),
    );
  }
  const early = (await store.ok('org.shiftTypes.list', {})).find((s) => s.code === 'E')!;
  await store.ok('org.schedule.assign', {
    cells: staff.map((s) => ({ staffId: s.id, date, value: early.id })),
  });
  return { team, staff, early };
}

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`at 07:50 the roll-call opens on the early shift, keyboard on its first person (${language})`, async ({
    page,
    store,
    open,
  }) => {
    const zh = language === 'zh-CN';
    await deskScreen(page, language);
    const { staff, early } = await seed(store, '2026-11-16');
    await page.clock.setFixedTime(new Date('2026-11-16T07:50:00+08:00'));
    await open('#/rollCall');

    const cards = page.locator('.ant-card').filter({ has: page.locator('.ant-tag') });
    // First the early shift about to start, then the night shift about to end, nobody on it.
    await expect(cards.first()).toContainText(zh ? '下一班次' : 'Next shift');
    await expect(cards.first()).toContainText(zh ? '早班' : early.name);
    await expect(cards.first()).toContainText('08:00–16:00');
    const nobody = page.getByTestId('rollcall-nobody');
    await expect(nobody).toContainText('00:00–08:00');
    expect((await nobody.boundingBox())!.height).toBeLessThan(80);
    await expect(row(page, '王芳')).toBeFocused();
    await screenshot(page, `rollcall-0750-${language}`);

    // The late prompt gives the shift's hours the way every screen does.
    await page.keyboard.press('2');
    await expect(page.getByRole('dialog')).toContainText('08:00–16:00');
    await page.keyboard.press('Escape');
    await expect(row(page, '王芳')).toBeFocused();

    // Pressing 1 marks the first person present, on the early shift.
    await page.keyboard.press('1');
    await expect(row(page, '李娜')).toBeFocused();
    const shift = await store.ok('attendance.shift', {
      date: '2026-11-16',
      shiftTypeId: early.id,
    });
    expect(shift.people.find((p) => p.staffId === staff[0]!.id)!.record?.status).toBe('present');
  });

  test(`an empty shift first hands the keyboard to the list below, in view (${language})`, async ({
    page,
    store,
    open,
  }) => {
    const zh = language === 'zh-CN';
    await deskScreen(page, language);
    await seed(store, '2026-11-16');
    // 15:30: the middle shift starts in half an hour, and nobody of the team works it.
    await page.clock.setFixedTime(new Date('2026-11-16T15:30:00+08:00'));
    await open('#/rollCall');
    const nobody = page.getByTestId('rollcall-nobody');
    await expect(nobody).toContainText(zh ? '下一班次' : 'Next shift');
    await expect(nobody).toContainText(
      zh ? '本班组在这个班次没有人排班' : 'Nobody from this team is scheduled',
    );
    await expect(row(page, '王芳')).toBeFocused();
    // The real list starts on the first screen, its first rows in view.
    const firstRow = (await row(page, '王芳').boundingBox())!;
    expect(firstRow.y + firstRow.height).toBeLessThan(768);
    await screenshot(page, `rollcall-empty-first-${language}`);
  });
}
