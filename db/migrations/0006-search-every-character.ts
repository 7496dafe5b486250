import type { Kysely } from 'kysely';
import { rebuildFullTextIndex } from '../sqlite';
import type { Migration } from './index';

/**
 * The handover search finds every character: CJK Extension B and later (outside the Basic
 * Multilingual Plane) stand alone as tokens like any other Han character, and emoji are kept as
 * tokens instead of being dropped as separators. The index is rebuilt from the text it holds.
 */
export const searchEveryCharacter: Migration = {
  version: 6,
  name: 'search every character',
  async up(db: Kysely<unknown>) {
    await rebuildFullTextIndex(db, 'handover_search');
  },
};
