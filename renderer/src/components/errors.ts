import { useTranslation } from 'react-i18next';
import type { ApiError, FieldIssue } from '../../../shared/contract';
import { useDateFormat } from '../format';
import { NAMESPACES } from '../i18n/catalogs';

export { fixedFields, showFieldErrors } from './field-errors';

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
    // A module's own errors (errors.rewards.*) are in its namespace: looked up after core's.
    t(issue.key, {
      ns: NAMESPACES,
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

/** How many problem rows a refused import had in all: its count, or the rows it lists. */
export const problemCount = (error: ApiError) =>
  typeof error.params?.count === 'number' ? error.params.count : (error.rows?.length ?? 0);
