/**
 * SQLite's full-text index (FTS5, unicode61 tokenizer) for Chinese text without a dictionary.
 */
/**
 * Text for the full-text index: every CJK character stands alone, so FTS5's tokenizer sees each
 * as a token and a phrase query of the characters finds any Chinese word in place, two-character
 * words (投诉, 回访) included, which a trigram index cannot.
 */
export function ftsText(text: string): string {
  return text
    .replace(/([\u3400-\u9fff\uf900-\ufaff])/g, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A user's search as an FTS5 query: each word a quoted phrase (CJK spaced as in ftsText), all required. */
export function ftsQuery(search: string): string | null {
  // Only letters and digits reach the index; anything else (quotes, *, NUL, column filters) splits words.
  const words = search
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return null;
  return words.map((w) => `"${ftsText(w)}"`).join(' AND ');
}
