/**
 * The log's search results: the words a search is made of, the passage of a handover's text
 * where they occur, and that passage split into plain and matching parts for highlighting. Code
 * points, never UTF-16 halves: 𠮷 (CJK Extension B) and emoji are one character each.
 */

/** What the index keeps as word characters (see db/sqlite/fts.ts): everything else splits words. */
const NOT_WORD = /[^\p{L}\p{N}\p{Co}\p{So}]+/u;

export function searchWords(search: string): string[] {
  return search.split(NOT_WORD).filter(Boolean);
}

const fold = (text: string) => text.toLocaleLowerCase();

/** Where each word occurs in the text, as [start, end) code-point ranges, merged, in order. */
function hits(chars: string[], words: string[]): [number, number][] {
  const text = fold(chars.join(''));
  // Map UTF-16 offsets of the folded text back to code-point positions.
  const at: number[] = [];
  let unit = 0;
  for (const [i, c] of chars.entries()) {
    at[unit] = i;
    unit += fold(c).length;
  }
  at[unit] = chars.length;
  const ranges: [number, number][] = [];
  for (const word of words.map(fold)) {
    for (let from = text.indexOf(word); from >= 0; from = text.indexOf(word, from + word.length)) {
      const start = at[from];
      const end = at[from + word.length];
      if (start !== undefined && end !== undefined) ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/**
 * The passage around the first match, about `radius` characters either side, on one line; null
 * when no word occurs (the index matched it some other way, e.g. a diacritic folded).
 */
export function searchExcerpt(text: string, words: string[], radius = 30): string | null {
  const chars = Array.from(text.replace(/\s+/g, ' '));
  const first = hits(chars, words)[0];
  if (!first) return null;
  const start = Math.max(0, first[0] - radius);
  const end = Math.min(chars.length, first[1] + radius * 2);
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('').trim()}${end < chars.length ? '…' : ''}`;
}

/** The text as parts, each a match of a word or not, for a <mark> around every match. */
export function highlightParts(text: string, words: string[]): { text: string; hit: boolean }[] {
  const chars = Array.from(text);
  const parts: { text: string; hit: boolean }[] = [];
  let pos = 0;
  for (const [start, end] of hits(chars, words)) {
    if (start > pos) parts.push({ text: chars.slice(pos, start).join(''), hit: false });
    parts.push({ text: chars.slice(start, end).join(''), hit: true });
    pos = end;
  }
  if (pos < chars.length) parts.push({ text: chars.slice(pos).join(''), hit: false });
  return parts;
}
