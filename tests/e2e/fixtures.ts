import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { LOCAL_OPERATOR } from '../../electron/backend';
import { startHost, type Host } from '../../electron/host/server';
import { tempStore, type TestStore } from '../helpers/store';

export const SCREENSHOTS = join(process.cwd(), 'tests', 'artifacts', 'screenshots');

/**
 * Each test gets its own console: a fresh data folder with a real SQLite file, the real handler
 * table behind the real loopback host, serving the built renderer to Debian's Chromium.
 */
export const test = base.extend<{
  store: TestStore;
  host: Host;
  open: (hash?: string) => Promise<void>;
}>({
  store: async ({}, use) => {
    const store = await tempStore();
    await use(store);
    await store.close();
  },
  host: async ({ store }, use) => {
    const host = await startHost({
      backend: store.backend,
      staticDir: join(process.cwd(), 'out', 'renderer'),
    });
    await use(host);
    await host.close();
  },
  open: async ({ page, host }, use) => {
    await use(async (hash = '') => {
      await page.goto(host.launchUrl);
      await expect(page.getByRole('menu')).toBeVisible();
      if (hash) {
        await page.evaluate((h) => history.replaceState(null, '', h), hash);
        await page.reload();
      }
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

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
