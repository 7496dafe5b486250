import Database from 'better-sqlite3';
import { expect, screenshot, test } from './fixtures';

// The desks' common screen: what the screenshots are checked at.
test.use({ viewport: { width: 1366, height: 768 } });

const WORDS = {
  'zh-CN': {
    verify: '校验审计链',
    ok: '审计链完整',
    broken: '审计链与链外记录的链头不符',
    behind: '当前审计日志到不了这里',
  },
  'en-US': {
    verify: 'Verify chain',
    ok: 'Audit chain intact',
    broken: 'does not reach a head recorded outside the database',
    behind: 'the trail no longer reaches it',
  },
};

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`the audit trail checks its chain against the heads kept outside the database (${language})`, async ({
    page,
    store,
    open,
  }) => {
    const words = WORDS[language];
    await page.addInitScript(
      (lang) => localStorage.setItem('supervisor-console.language', lang),
      language,
    );
    for (const name of ['一组', '二组', '三组']) await store.ok('org.teams.create', { name });
    await store.ok('backups.create', {});
    await open('#/audit');
    await page.getByRole('button', { name: words.verify }).click();
    const verdict = page.locator('.ant-alert');
    await expect(verdict).toContainText(words.ok);
    await expect(verdict.locator('li')).toHaveCount(2);
    await screenshot(page, `audit-verify-${language}`);

    // The tail cut with a SQLite tool: the chain still links up, but no longer reaches its head.
    const raw = new Database(store.store.file);
    raw.exec('drop trigger audit_log_no_delete');
    raw.prepare('delete from audit_log where id > 3').run();
    raw.close();
    await page.getByRole('button', { name: words.verify }).click();
    await expect(verdict).toContainText(words.broken);
    await expect(verdict).toContainText(words.behind);
    await screenshot(page, `audit-verify-broken-${language}`);
  });
}
