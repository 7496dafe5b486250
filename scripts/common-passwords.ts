import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npx tsx scripts/common-passwords.ts`: writes the list of common passwords new passwords are
 * checked against (electron/backend/modules/accounts/common-passwords.json) from zxcvbn-ts's
 * frequency-ranked list of leaked passwords, fetched from the npm registry with `npm pack`.
 * Shorter ones than the minimum length are refused anyway, so the list keeps the commonest
 * COUNT of at least MIN_LENGTH characters.
 */
const PACKAGE = '@zxcvbn-ts/language-common@4.1.3';
const COUNT = 10_000;
const MIN_LENGTH = 8;

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const target = join(root, 'electron', 'backend', 'modules', 'accounts', 'common-passwords.json');
const work = mkdtempSync(join(tmpdir(), 'common-passwords-'));
try {
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent'], {
    cwd: work,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
  execFileSync('tar', ['xzf', tarball], { cwd: work });
  const ranked = JSON.parse(
    readFileSync(join(work, 'package', 'src', 'passwords.json'), 'utf8'),
  ) as string[];
  const passwords = ranked.filter((p) => [...p].length >= MIN_LENGTH).slice(0, COUNT);
  const license = readFileSync(join(work, 'package', 'LICENSE.txt'), 'utf8').trim();
  const file = {
    source: `${PACKAGE} (npm), src/passwords.json: the ${COUNT} most frequent of at least ${MIN_LENGTH} characters, in rank order`,
    // MIT: the copyright and permission notice travel with the copy.
    license,
    passwords,
  };
  writeFileSync(target, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`${passwords.length} passwords written to ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
