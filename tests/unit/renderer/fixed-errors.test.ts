import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/contract';
import { fixedFields, showFieldErrors } from '../../../renderer/src/components/field-errors';

/** The part of antd's form that showFieldErrors uses, over plain values. */
function formOver(values: Record<string, unknown>) {
  const errors = new Map<string, string[]>();
  const form = {
    getFieldsError: () =>
      Object.keys(values).map((k) => ({ name: [k], errors: errors.get(k) ?? [] })),
    getFieldValue: (name: string | string[]) => values[[name].flat().join('.')],
    setFields: (fields: { name: string[]; errors: string[] }[]) =>
      fields.forEach((f) => errors.set(f.name.join('.'), f.errors)),
  };
  return { form: form as unknown as FormInstance, errors };
}

const refusal: ApiError = {
  code: 'invalid_input',
  key: 'validation.required',
  message: 'required',
  issues: [{ field: 'halfDayLateMinutes', key: 'validation.required' }],
};

describe('a backend error on a form field', () => {
  it('stays through change events that leave the refused value, and goes once the value is edited', () => {
    const { form, errors } = formOver({ halfDayLateMinutes: null, lateCountForPenalty: 3 });
    expect(showFieldErrors(form, refusal, (issue) => `${issue.field} 不能为空`)).toBe(true);
    expect(errors.get('halfDayLateMinutes')).toEqual(['halfDayLateMinutes 不能为空']);

    // A blur or a validation pass reports the field with the value it was refused with.
    const error = ['halfDayLateMinutes 不能为空'];
    expect(
      fixedFields(form, [{ name: ['halfDayLateMinutes'], value: null, errors: error }]),
    ).toEqual([]);
    // Another field's edit does not touch it.
    expect(fixedFields(form, [{ name: ['lateCountForPenalty'], value: 4, errors: [] }])).toEqual(
      [],
    );
    // The user types a number: now it is fixed, once.
    const edit = { name: ['halfDayLateMinutes'], value: 45, errors: error };
    expect(fixedFields(form, [edit])).toEqual([edit]);
    expect(fixedFields(form, [{ ...edit, value: 46 }])).toEqual([]);
  });
});

describe('an empty box refused for its format', () => {
  it('says the field is required; a refusal of the value itself keeps its own words', () => {
    const { form, errors } = formOver({ code: '', password: '' });
    const words = (issue: { key: string; field?: string }) => `${issue.field}: ${issue.key}`;
    showFieldErrors(
      form,
      {
        code: 'invalid_input',
        key: 'validation.code',
        message: 'bad code',
        issues: [
          { field: 'code', key: 'validation.code' },
          { field: 'password', key: 'errors.wrongPassword' },
        ],
      },
      words,
    );
    expect(errors.get('code')).toEqual(['code: validation.required']);
    expect(errors.get('password')).toEqual(['password: errors.wrongPassword']);
  });
});
