import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * SQLite's full-text index (FTS5, unicode61 tokenizer) for Chinese text without a dictionary:
 * one row per indexed record, rowid = the record's id, one column `body`.
 */

/**
 * What the index keeps as token characters: letters, digits, private use (unicode61's default)
 * and other symbols (So), so an emoji is a word one can search for instead of a separator.
 */
const TOKENIZER = `unicode61 categories 'L* N* Co So'`;

/**
 * Characters that stand alone as tokens: every Han character, in the BMP or beyond it (CJK
 * Extension B and later are two UTF-16 halves, hence the u flag), and every symbol (emoji).
 */
const STANDALONE = /([\p{Script=Han}\p{So}])/gu;

/**
 * Text for the full-text index: every CJK character and emoji stands alone, so FTS5's tokenizer
 * sees each as a token and a phrase query of the characters finds any Chinese word in place,
 * two-character words (投诉, 回访) included, which a trigram index cannot.
 */
export function ftsText(text: string): string {
  return text.replace(STANDALONE, ' $1 ').replace(/\s+/g, ' ').trim();
}

/** A user's search as an FTS5 query: each word a quoted phrase (CJK spaced as in ftsText), all required. */
export function ftsQuery(search: string): string | null {
  // Only what the index keeps reaches it; anything else (quotes, *, NUL, column filters) splits words.
  const words = search
    .replace(/[^\p{L}\p{N}\p{Co}\p{So}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return null;
  return words.map((w) => `"${ftsText(w)}"`).join(' AND ');
}

/** Creates the index table (in a migration). */
export async function createFullTextIndex(db: Kysely<unknown>, table: string) {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table name ${table}`);
  await sql
    .raw(`create virtual table ${table} using fts5(body, tokenize = "${TOKENIZER}")`)
    .execute(db);
}

/** Replaces one record's entry in the index with its current text. */
export async function replaceIndexedText(
  db: Kysely<unknown>,
  table: string,
  rowid: number,
  text: string,
) {
  await sql`delete from ${sql.table(table)} where rowid = ${rowid}`.execute(db);
  await sql`insert into ${sql.table(table)} (rowid, body) values (${rowid}, ${ftsText(text)})`.execute(
    db,
  );
}

/**
 * The ids of the records whose text matches a user's search, as a subquery (any number of
 * matches); null when the search holds no letter or digit, which matches nothing.
 */
export function matchingRowids(table: string, search: string): RawBuilder<number> | null {
  const query = ftsQuery(search);
  if (!query) return null;
  return sql<number>`(select rowid from ${sql.table(table)} where ${sql.table(table)} match ${query})`;
}

/**
 * Rebuilds an index table with today's tokenizer and spacing from the text it holds (FTS5 keeps
 * each row's text), for a migration after either changed.
 */
export async function rebuildFullTextIndex(db: Kysely<unknown>, table: string) {
  const rows = (
    await sql<{ rowid: number; body: string }>`select rowid, body from ${sql.table(table)}`.execute(
      db,
    )
  ).rows;
  await sql`drop table ${sql.table(table)}`.execute(db);
  await createFullTextIndex(db, table);
  for (const row of rows)
    await sql`insert into ${sql.table(table)} (rowid, body) values (${row.rowid}, ${ftsText(row.body)})`.execute(
      db,
    );
}

/** The spaces ftsText put around standalone characters (and any that stood there). */
const SPACED = /(?<=[\p{Script=Han}\p{So}]) | (?=[\p{Script=Han}\p{So}])/gu;

/** The indexed text of some records, as people read it (CJK unspaced), for showing where a search matched. */
export async function indexedTexts(
  db: Kysely<unknown>,
  table: string,
  rowids: number[],
): Promise<Map<number, string>> {
  if (rowids.length === 0) return new Map();
  const rows = (
    await sql<{
      rowid: number;
      body: string;
    }>`select rowid, body from ${sql.table(table)} where rowid in (${sql.join(rowids)})`.execute(db)
  ).rows;
  return new Map(rows.map((r) => [r.rowid, r.body.replace(SPACED, '')]));
}
