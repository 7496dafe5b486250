import { defineConfig } from '@playwright/test';

/** Debian's Chromium (CI and developer machines); PLAYWRIGHT_CHROMIUM overrides it elsewhere. */
export const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';

/** This machine's network is closed: keep Chromium from phoning home at start (the bench too). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The pages run in Asia/Shanghai (see timezoneId below); the backend and the test code, in this
 * process and its workers, must agree with them on what "today" and "this week" are, whatever
 * zone the machine is in. Otherwise a Sunday evening in UTC is already next week in the browser.
 */
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  outputDir: 'test-results',
  reporter: [['list'], ['json', { outputFile: 'tests/artifacts/playwright.json' }]],
  projects: [
    {
      name: 'browser',
      testDir: 'tests/e2e',
      use: {
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        screenshot: 'only-on-failure',
        launchOptions: {
          executablePath: CHROMIUM,
          args: CHROMIUM_ARGS,
        },
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
