import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldIssue } from '../../../shared/contract';
import { useDateFormat } from '../format';
import { NAMESPACES } from '../i18n/catalogs';

/**
 * Translates backend errors: the message key, with the field named in the user's language.
 * `entity` picks entity-specific labels first (a team's `name` is 班组名称, not 姓名).
 */
export function useErrorText(entity?: 'team' | 'shiftType' | 'leaveType') {
  const { t } = useTranslation();
  const fieldLabel = (field: string | undefined) => {
    if (!field) return '';
    const last =
      field
        .split('.')
        .filter((p) => !/^\d+$/.test(p))
        .pop() ?? field;
    // A field's label is in the core namespace or its module's: an error names it from any screen.
    const general = t(`fields.${last}`, { ns: NAMESPACES, defaultValue: last });
    return entity
      ? t(`fields.${entity}.${last}`, { ns: NAMESPACES, defaultValue: general })
      : general;
  };
  const dates = useDateFormat();
  // A month the backend names ('2026-11') reads as the language writes it: 2026年11月.
  const month = (value: unknown) =>
    typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) ? dates.month(value) : value;
  const issueText = (issue: { key: string; field?: string; params?: FieldIssue['params'] }) =>
    t(issue.key, {
      ...issue.params,
      ...(issue.params?.month !== undefined && { month: month(issue.params.month) }),
      field: fieldLabel(issue.field),
    });
  return {
    fieldLabel,
    issueText,
    errorText: (error: ApiError) => issueText(error),
  };
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** True while showFieldErrors puts errors on a form: that change is not an edit that fixes them. */
let settingErrors = false;

/**
 * Whether a form's field change is the user's edit (which makes its old error moot), rather than
 * the errors being put there.
 */
export const isEditOf = (field: { errors?: unknown[] }) =>
  !settingErrors && (field.errors?.length ?? 0) > 0;

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
  settingErrors = true;
  try {
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
  } finally {
    settingErrors = false;
  }
  return placed.length > 0 && placed.length === issues.length;
}

/** How many problem rows a refused import had in all: its count, or the rows it lists. */
export const problemCount = (error: ApiError) =>
  typeof error.params?.count === 'number' ? error.params.count : (error.rows?.length ?? 0);
