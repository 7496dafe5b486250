import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from '../playwright.config';
import { electronExecutable } from './lib/electron-runtime';

/**
 * `npm test`: build, then every suite (vitest for shared/db/backend, Playwright for the browser
 * and Electron end-to-end), and one closing line summing them: "N passed, N failed, N skipped".
 */
const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const artifacts = join(root, 'tests', 'artifacts');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

if (!existsSync(CHROMIUM)) {
  console.error(
    `Chromium not found at ${CHROMIUM}. Run: bash scripts/setup-system.sh (or set PLAYWRIGHT_CHROMIUM).`,
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const suites: Record<string, Counts> = {};
const buildStatus = run(bin('electron-vite'), ['build']);
if (buildStatus !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const vitestFile = join(artifacts, 'vitest.json');
const vitestStatus = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestFile}`,
]);
const vitest = readJson<{
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}>(vitestFile);
suites.unit = vitest
  ? {
      passed: vitest.numPassedTests,
      failed: vitest.numFailedTests,
      skipped: vitest.numPendingTests + vitest.numTodoTests,
    }
  : { passed: 0, failed: 1, skipped: 0 };

// The Electron suite needs a display when its runtime is present; a virtual one does on CI.
const needsDisplay =
  !!electronExecutable(root) && !process.env.DISPLAY && process.platform === 'linux';
const playwrightArgs = ['test'];
const playwrightStatus =
  needsDisplay && existsSync('/usr/bin/xvfb-run')
    ? run('/usr/bin/xvfb-run', ['-a', bin('playwright'), ...playwrightArgs])
    : run(bin('playwright'), playwrightArgs);
interface PlaywrightSuite {
  title: string;
  suites?: PlaywrightSuite[];
  specs?: {
    title: string;
    tests: { status: string; annotations: { type: string; description?: string }[] }[];
  }[];
}
const playwright = readJson<{
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites: PlaywrightSuite[];
}>(join(artifacts, 'playwright.json'));

/** Skipped tests say why, so a skip is never silent. */
function skipReasons(suites: PlaywrightSuite[]): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === 'skipped')
        .map(
          (t) =>
            `skipped: ${spec.title} — ${t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given'}`,
        ),
    ),
    ...skipReasons(suite.suites ?? []),
  ]);
}
for (const line of skipReasons(playwright?.suites ?? [])) console.log(line);
suites.e2e = playwright
  ? {
      passed: playwright.stats.expected + playwright.stats.flaky,
      failed: playwright.stats.unexpected,
      skipped: playwright.stats.skipped,
    }
  : { passed: 0, failed: 1, skipped: 0 };

// A runner that crashed without failing a test still fails the run.
if (vitestStatus !== 0 && suites.unit.failed === 0) suites.unit.failed = 1;
if (playwrightStatus !== 0 && suites.e2e.failed === 0) suites.e2e.failed = 1;

const total = Object.values(suites).reduce(
  (sum, s) => ({
    passed: sum.passed + s.passed,
    failed: sum.failed + s.failed,
    skipped: sum.skipped + s.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
for (const [name, s] of Object.entries(suites)) {
  console.log(`${name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
}
console.log(`Screenshots: ${join(artifacts, 'screenshots')}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
