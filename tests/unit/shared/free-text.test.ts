import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionalText, requiredText, toFieldIssues } from '../../../shared/contract';
import { mergedCatalog } from '../../../renderer/src/i18n/catalogs';
import { seedOneTeam } from '../../helpers/fixtures';
import { tempStore, type TestStore } from '../../helpers/store';

/**
 * Free text refuses the characters no one types and some can abuse: NUL, BEL and the other C0
 * controls, DEL, the C1 controls, and the invisible bidi overrides, embeddings and isolates that
 * make a name read differently from what it is ("Trojan Source"). One-line fields refuse tab and
 * line breaks too; multi-line fields keep them.
 */
const HIDDEN = {
  NUL: '\u0000',
  BEL: '\u0007',
  ESC: '\u001b',
  DEL: '\u007f',
  'C1 NEL': '\u0085',
  'C1 CSI': '\u009b',
  'RIGHT-TO-LEFT OVERRIDE': '\u202e',
  'LEFT-TO-RIGHT EMBEDDING': '\u202a',
  'RIGHT-TO-LEFT ISOLATE': '\u2067',
  'POP DIRECTIONAL ISOLATE': '\u2069',
};
const LINE_BREAKS = {
  tab: '\t',
  newline: '\n',
  'carriage return': '\r',
  'line separator': '\u2028',
};

const keysOf = (
  schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
  v: string,
) => {
  const result = schema.safeParse(v);
  return result.success ? [] : toFieldIssues(result.error as never).map((i) => i.key);
};

describe('one-line free text (names, references)', () => {
  for (const [name, char] of Object.entries(HIDDEN)) {
    it(`refuses ${name}`, () => {
      expect(keysOf(requiredText(30), `王${char}芳`)).toEqual(['validation.controlCharacters']);
      expect(keysOf(optionalText(30), `A${char}12`)).toEqual(['validation.controlCharacters']);
    });
  }
  for (const [name, char] of Object.entries(LINE_BREAKS)) {
    it(`refuses a ${name} inside, and trims one at the ends`, () => {
      expect(keysOf(requiredText(30), `王${char}芳`)).toEqual(['validation.lineBreak']);
      if (char !== '\u2028') expect(requiredText(30).parse(`王芳${char}`)).toBe('王芳');
    });
  }
  it('keeps every character people write: Chinese, full-width punctuation, emoji, accents', () => {
    for (const text of [
      '王芳',
      '欧阳·娜娜',
      '𠀋𡈽',
      '（夜班）',
      'José Müller',
      '👍 VIP',
      'A-12 / B_3',
    ]) {
      expect(keysOf(requiredText(30), text), text).toEqual([]);
    }
  });
});

describe('multi-line free text (notes, reasons)', () => {
  it('keeps tabs and line breaks', () => {
    const text = '1. 宽带投诉\n2. CRM 缓慢\r\n\t已报 IT';
    expect(keysOf(requiredText(2000, 'multiline'), text)).toEqual([]);
    expect(optionalText(2000, 'multiline').parse(text)).toBe(text);
  });
  for (const [name, char] of Object.entries(HIDDEN)) {
    it(`refuses ${name}`, () => {
      expect(keysOf(requiredText(2000, 'multiline'), `第一行\n第${char}二行`)).toEqual([
        'validation.controlCharacters',
      ]);
    });
  }
});

describe('through the backend', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await tempStore();
    await seedOneTeam(t);
  });
  afterAll(() => t.close());

  it('refuses a hidden character in a name with a translated error naming the field, writing nothing', async () => {
    const before = t.digest();
    const result = await t.call('org.staff.create', {
      employeeNo: 'KF9',
      name: '王\u202e芳',
      position: 'agent',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'name',
        issues: [{ field: 'name', key: 'validation.controlCharacters' }],
      },
    });
    expect(
      await t.call('org.teams.update', {
        id: 1,
        name: '客服\n一组',
        description: '第一行\n第二行',
      }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ field: 'name', key: 'validation.lineBreak' }] },
    });
    expect(t.digest()).toBe(before);
    // A multi-line description keeps its lines.
    expect(
      await t.ok('org.teams.update', { id: 1, name: '客服一组', description: '第一行\n第二行' }),
    ).toMatchObject({ description: '第一行\n第二行' });
  });

  it('has both messages in both languages', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      const validation = mergedCatalog(language).validation as Record<string, string>;
      expect(validation.controlCharacters, language).toContain('{{field}}');
      expect(validation.lineBreak, language).toContain('{{field}}');
    }
  });
});
