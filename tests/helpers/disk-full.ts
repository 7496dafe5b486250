import { appendAudit } from '../../db/queries/audit/trail';
import { writeTransaction } from '../../db/sqlite';
import type { TestStore } from './store';

const isFull = (error: unknown) => (error as { code?: string }).code === 'SQLITE_FULL';

/**
 * Fills the database as a full disk would, with SQLite's own limit (no mounts): `max_page_count`
 * set to the pages in use, the free pages used up, and the audit trail's last page filled with
 * chained entries no action's entry is smaller than, so every audited action needs a page it
 * cannot have. `makeRoom()` lifts the limit again.
 */
export async function fillTheDisk(t: Pick<TestStore, 'store' | 'data'>) {
  const sqlite = t.store.sqlite;
  sqlite.exec('create table disk_filler (b blob)');
  sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
  // Every free page, then every scrap of room the filler's own pages have left.
  for (const size of [4000, 1000, 200, 50, 1])
    for (;;) {
      try {
        sqlite.prepare('insert into disk_filler values (randomblob(?))').run(size);
      } catch (error) {
        if (isFull(error)) break;
        throw error;
      }
    }
  for (;;) {
    try {
      await writeTransaction(t.store.db, (trx) =>
        appendAudit(trx, t.data.auditKey, {
          at: new Date().toISOString(),
          userId: null,
          username: null,
          action: 'export',
          entity: 'audit',
          entityId: null,
        }),
      );
    } catch (error) {
      if (isFull(error)) break;
      throw error;
    }
  }
  return { makeRoom: () => sqlite.pragma('max_page_count = 1073741823') };
}
