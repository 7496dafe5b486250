import type Database from 'better-sqlite3';

/**
 * The key employee numbers sort by, as people read them: each run of digits is padded to the same
 * width, so KF1001 comes before KF10000 (and KF999 before both), and letters ignore case.
 */
export function naturalKey(text: string | null): string | null {
  if (text === null) return null;
  return text.toLowerCase().replace(/\d+/g, (digits) => {
    const trimmed = digits.replace(/^0+(?=\d)/, '');
    // Width-prefixed: any length of number sorts right, and 007 still follows 7 (tie on zeros).
    return `${String(trimmed.length).padStart(2, '0')}${trimmed}`;
  });
}

/** `natural_key(x)` in SQL: registered on every connection, used by the staff lists' order. */
export function registerNaturalKey(sqlite: Database.Database) {
  sqlite.function('natural_key', { deterministic: true }, (value: unknown) =>
    naturalKey(value === null || value === undefined ? null : String(value)),
  );
}
