import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startHost, type Host } from '../../electron/host/server';
import { tempStore, type TestStore } from '../helpers/store';

export const SCREENSHOTS = join(process.cwd(), 'tests', 'artifacts', 'screenshots');

/**
 * Each test gets its own console: a fresh data folder with a real SQLite file, the real handler
 * table behind the real loopback host, serving the built renderer to Debian's Chromium.
 */
export const ADMIN = {
  username: 'admin',
  displayName: '张主任',
  password: 'correct horse battery',
};

/** Signs in through the sign-in screen, in whichever language it shows. */
export async function signIn(page: Page, username: string, password: string) {
  await page.locator('input[autocomplete=username]').fill(username);
  await page.locator('input[autocomplete=current-password]').fill(password);
  await page.locator('input[autocomplete=current-password]').press('Enter');
  // A real scrypt verification at OWASP's cost: on a loaded CI machine it can take several seconds.
  await expect(page.getByRole('menu')).toBeVisible({ timeout: 20_000 });
}

export const test = base.extend<{
  /** Whether the console starts with its administrator account (false: a brand-new console). */
  withAdmin: boolean;
  store: TestStore;
  host: Host;
  open: (hash?: string, as?: { username: string; password: string }) => Promise<void>;
}>({
  withAdmin: [true, { option: true }],
  store: async ({ withAdmin }, use) => {
    const store = await tempStore({ realPasswordCost: true });
    if (withAdmin) await store.backend.call('accounts.setup', ADMIN, null);
    await use(store);
    await store.close();
  },
  host: async ({ store }, use) => {
    const host = await startHost({
      backend: () => store.backend,
      staticDir: join(process.cwd(), 'out', 'renderer'),
    });
    await use(host);
    await host.close();
  },
  open: async ({ page, host }, use) => {
    await use(async (hash = '', as = ADMIN) => {
      // The launch URL's fragment carries the token; a page route may come before it.
      const route = hash.replace(/^#/, '');
      await page.goto(`${host.url}/#${route}${route ? '&' : ''}token=${host.token}`);
      // Still signed in from an earlier open() in this test: the console shows at once.
      const username = page.locator('input[autocomplete=username]');
      await expect(page.getByRole('menu').or(username)).toBeVisible();
      if (await username.isVisible()) await signIn(page, as.username, as.password);
    });
  },
});

export { expect };

/** Picks an option in an Ant Design select. */
export async function choose(page: Page, select: ReturnType<Page['getByRole']>, option: string) {
  // A closed dropdown lingers while it animates out; wait for it so we pick from the new one.
  await expect(page.locator('.ant-select-dropdown').filter({ visible: true })).toHaveCount(0);
  await select.click();
  await page
    .locator('.ant-select-dropdown .ant-select-item-option')
    .filter({ hasText: option, visible: true })
    .first()
    .click();
}

/** The console in one language, on the 1366×768 screen of a call-center desk PC. */
export async function deskScreen(page: Page, language: 'zh-CN' | 'en-US') {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.addInitScript(
    (lang) => localStorage.setItem('supervisor-console.language', lang),
    language,
  );
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  // Loading overlays fade out after the data arrives; wait for them to be gone.
  await expect(page.locator('.ant-spin-spinning, .ant-spin-blur')).toHaveCount(0);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
