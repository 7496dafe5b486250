import type { FormInstance } from 'antd';
import type { ApiError, FieldIssue } from '../../../shared/contract';

/**
 * Putting the backend's field errors on a form, and taking each off once its field is fixed
 * (ClearFixedErrors). No i18n here: the caller passes the words.
 */

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * The fields of each form that carry a backend error, with the value each had when it was
 * refused. An error goes when its field's value is no longer that one — whatever events the form
 * sends meanwhile (a blur, a re-render, the errors being put there), only a real edit counts.
 */
const refusedValues = new WeakMap<FormInstance, Map<string, string>>();
const valueKey = (value: unknown) => JSON.stringify(value ?? null);
const nameKey = (name: unknown) => [name].flat().join('.');

/** The changed fields whose backend error is now moot: their value differs from the refused one. */
export function fixedFields<F extends { name: unknown; value?: unknown }>(
  form: FormInstance,
  changed: F[],
): F[] {
  const refused = refusedValues.get(form);
  if (!refused) return [];
  const fixed = changed.filter((field) => {
    const was = refused.get(nameKey(field.name));
    return was !== undefined && was !== valueKey(field.value);
  });
  for (const field of fixed) refused.delete(nameKey(field.name));
  return fixed;
}

/**
 * Puts each field issue next to its field in the form. Returns true when every issue found a
 * field; otherwise the caller shows the error as a message.
 */
export function showFieldErrors(
  form: FormInstance,
  error: ApiError,
  issueText: (issue: FieldIssue) => string,
): boolean {
  const issues =
    error.issues ??
    (error.field ? [{ field: error.field, key: error.key, params: error.params }] : []);
  // The form's own name for each field, by its dotted path: a nested field (dates.0) is a path
  // in the form, and setFields needs that path, not the dotted string.
  const known = new Map(form.getFieldsError().map((f) => [f.name.join('.'), f.name]));
  const placed = issues.filter((issue) => known.has(issue.field));
  // One message per field, the first: "required" says more than "wrong format" for an empty box.
  const firstPerField = new Map<string, FieldIssue>();
  for (const issue of placed)
    if (!firstPerField.has(issue.field)) firstPerField.set(issue.field, issue);
  const refused = refusedValues.get(form) ?? new Map<string, string>();
  refusedValues.set(form, refused);
  for (const field of firstPerField.keys())
    refused.set(field, valueKey(form.getFieldValue(known.get(field)!)));
  form.setFields(
    [...firstPerField.values()].map((issue) => {
      const name = known.get(issue.field)!;
      // An empty box is missing, whatever format rule its value would break: say it is
      // required. Only input rules (validation.*) give way: a refusal (errors.*: a wrong
      // password, whose box the form empties) and a message that says why it is needed stay.
      const missing =
        isEmpty(form.getFieldValue(name)) &&
        issue.key.startsWith('validation.') &&
        !/required/i.test(issue.key);
      return {
        name,
        errors: [issueText(missing ? { key: 'validation.required', field: issue.field } : issue)],
      };
    }),
  );
  return placed.length > 0 && placed.length === issues.length;
}
