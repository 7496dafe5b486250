import { describe, expect, it } from 'vitest';
import { shiftHoursLabel } from '../../../renderer/src/components/ShiftHours';
import { LANGUAGES, resources, type Catalog } from '../../../renderer/src/i18n/catalogs';

/** Every string of a catalog, with its key. */
const entriesOf = (catalog: Catalog, prefix = ''): [string, string][] =>
  Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value]] : entriesOf(value, `${prefix}${key}.`),
  );

/** Point 4 of issue 12: one word for one thing, in both languages. */
describe('one word for one thing', () => {
  it('closing a month is 月结 everywhere, never 结账', () => {
    const all = entriesOf(resources['zh-CN'] as unknown as Catalog);
    expect(all.filter(([, text]) => text.includes('结账'))).toEqual([]);
  });

  it('each roll-call button names the status it sets', () => {
    for (const language of LANGUAGES) {
      const words = resources[language].attendance as Record<string, Record<string, unknown>>;
      const marks = (words.rollCall as { marks: Record<string, string> }).marks;
      const counts = (words.rollCall as { counts: Record<string, string> }).counts;
      const statuses = words.attendanceStatus as Record<string, string>;
      for (const [mark, word] of Object.entries(marks)) {
        expect(statuses[mark], `${language} ${mark}`).toBe(word);
        expect(counts[mark], `${language} count ${mark}`).toBe(word);
      }
    }
  });

  it('a shift reads the same everywhere: 16:00–24:00, and an overnight shift says next day', () => {
    expect(shiftHoursLabel({ startTime: '16:00', endTime: '24:00' }, '次日')).toBe('16:00–24:00');
    expect(shiftHoursLabel({ startTime: '08:00', endTime: '16:00' }, '次日')).toBe('08:00–16:00');
    expect(shiftHoursLabel({ startTime: '22:00', endTime: '08:00' }, '次日')).toBe(
      '22:00–次日 08:00',
    );
    expect(shiftHoursLabel({ startTime: '22:00', endTime: '08:00' }, 'next day')).toBe(
      '22:00–next day 08:00',
    );
  });
});
