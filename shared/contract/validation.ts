import type { z } from 'zod';
import type { FieldIssue } from './errors';

const sizeKind = (origin: string) =>
  origin === 'string' ? 'string' : origin === 'array' ? 'array' : 'number';

/** Turns zod's issues into translatable field issues: `validation.<code>` unless a check names its own key. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const params: Record<string, string | number> = {};
    // Our own checks pass their i18n key as the message (see fields.ts).
    if (issue.message.startsWith('validation.')) return { field, key: issue.message, params };
    let key = `validation.${issue.code}`;
    switch (issue.code) {
      case 'too_small':
        params.min = Number(issue.minimum);
        key =
          issue.origin === 'string' && issue.minimum === 1
            ? 'validation.required'
            : `validation.too_small_${sizeKind(issue.origin)}`;
        break;
      case 'too_big':
        params.max = Number(issue.maximum);
        key = `validation.too_big_${sizeKind(issue.origin)}`;
        break;
      case 'invalid_type':
        key =
          issue.input === undefined || issue.input === null
            ? 'validation.required'
            : 'validation.invalid_type';
        break;
      case 'invalid_value':
      case 'invalid_union':
        key = issue.input === undefined ? 'validation.required' : 'validation.invalid_value';
        break;
      case 'unrecognized_keys':
        params.keys = issue.keys.join(', ');
        break;
      case 'custom':
      case 'invalid_format':
        key = 'validation.invalid_format';
        break;
      default:
        break;
    }
    return { field, key, params };
  });
}
