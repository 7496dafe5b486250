import { describe, expect, it } from 'vitest';
import { nightShift } from '../../helpers/fixtures';
import {
  CHANNELS,
  contract,
  shiftTypeInput,
  staffInput,
  toFieldIssues,
} from '../../../shared/contract';
import { ROLES } from '../../../shared/domain/org';
import { mergedCatalog } from '../../../renderer/src/i18n/catalogs';
import { validationKeysOf } from '../../helpers/validation-keys';

const zh = mergedCatalog('zh-CN');
const en = mergedCatalog('en-US');

const issuesOf = (
  schema: { safeParse(v: unknown, o?: object): { success: boolean; error?: unknown } },
  value: unknown,
) => {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return [];
  return toFieldIssues(result.error as never);
};

describe('contract', () => {
  it('declares who may call every channel', () => {
    for (const channel of CHANNELS) {
      expect(contract[channel].roles.length, channel).toBeGreaterThan(0);
      for (const role of contract[channel].roles) expect(ROLES).toContain(role);
    }
  });

  it('names the field and a translatable key for each problem', () => {
    const issues = issuesOf(staffInput, {
      employeeNo: 'KF 1',
      name: '',
      position: 'boss',
      hireDate: '2026-02-30',
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'employeeNo', key: 'validation.employeeNo', params: {} },
        { field: 'name', key: 'validation.required', params: { min: 1 } },
        { field: 'position', key: 'validation.invalid_value', params: {} },
        { field: 'hireDate', key: 'validation.date', params: {} },
      ]),
    );
  });

  it('reads a missing required choice as required', () => {
    const issues = issuesOf(staffInput, { employeeNo: 'KF1', name: '王芳' });
    expect(issues).toEqual([{ field: 'position', key: 'validation.required', params: {} }]);
  });

  it('accepts overnight shifts and refuses zero-length ones', () => {
    const shift = nightShift({ code: 'N2' });
    expect(issuesOf(shiftTypeInput, shift)).toEqual([]);
    expect(issuesOf(shiftTypeInput, { ...shift, endTime: '22:00' })).toEqual([
      { field: 'endTime', key: 'validation.shiftEnd', params: {} },
    ]);
    expect(
      issuesOf(shiftTypeInput, { ...shift, startTime: '24:00', endTime: '08:00' })[0]?.key,
    ).toBe('validation.clock');
  });

  it('has a translation in both languages for every validation key the schemas can produce', () => {
    // Read off every channel's input schema: a key a schema gains is checked without a list to keep.
    const keys = validationKeysOf(CHANNELS.map((channel) => contract[channel].input));
    // The reading finds zod's own issues and the schemas' own keys alike.
    for (const key of [
      'required',
      'invalid_type',
      'too_big_string',
      'too_small_number',
      'unrecognized_keys',
      'employeeNo',
      'shiftEnd',
      'dateRange',
      'backupName',
    ])
      expect(keys, key).toContain(`validation.${key}`);
    for (const key of keys) {
      const name = key.replace(/^validation\./, '');
      expect(zh.validation, key).toHaveProperty([name]);
      expect(en.validation, key).toHaveProperty([name]);
    }
  });
});
