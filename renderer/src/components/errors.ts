import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldIssue } from '../../../shared/contract';
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
  const issueText = (issue: { key: string; field?: string; params?: FieldIssue['params'] }) =>
    t(issue.key, { ...issue.params, field: fieldLabel(issue.field) });
  return {
    fieldLabel,
    issueText,
    errorText: (error: ApiError) => issueText(error),
  };
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
  form.setFields(
    [...firstPerField.values()].map((issue) => ({
      name: known.get(issue.field)!,
      errors: [issueText(issue)],
    })),
  );
  return placed.length > 0 && placed.length === issues.length;
}

/** How many problem rows a refused import had in all: its count, or the rows it lists. */
export const problemCount = (error: ApiError) =>
  typeof error.params?.count === 'number' ? error.params.count : (error.rows?.length ?? 0);
