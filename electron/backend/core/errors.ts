import type { z } from 'zod';
import {
  failure,
  toFieldIssues,
  type ApiError,
  type ApiFailure,
  type FieldIssue,
} from '../../../shared/contract';
import { classifyDatabaseError } from '../../../db/sqlite';

/**
 * Input the schema let through but the data refuses (an unknown category, a team that is
 * required here): an invalid_input error naming the field, which the renderer puts beside it.
 */
export function fieldFailure(
  field: string,
  key: string,
  params?: Record<string, string | number>,
): ApiFailure {
  const issue: FieldIssue = params ? { field, key, params } : { field, key };
  return failure('invalid_input', `${field}: ${key}`, { ...issue, issues: [issue] });
}

/** The same for several fields at once (rows of a roll-call, cells of a schedule): the first leads. */
export function fieldFailures(issues: FieldIssue[], message: string): ApiFailure {
  return failure('invalid_input', message, { ...issues[0], issues });
}

/** Input the channel's schema refused: every issue, each naming its field and a translatable key. */
export function inputError(channel: string, error: z.ZodError): ApiError {
  const issues = toFieldIssues(error);
  return {
    code: 'invalid_input',
    message: `invalid input for ${channel}: ${issues.map((i) => `${i.field || '(input)'} ${i.key}`).join('; ')}`,
    key: 'errors.invalid_input',
    field: issues[0]?.field,
    issues,
  };
}

const snakeToCamel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The database's failures the user can act on, as their errors: a duplicate (by field where
 * known), another constraint, a lock held too long, a full disk, a folder that refuses writes
 * (named, so the user knows where to look).
 */
export function fromDatabaseError(error: unknown, dataDir?: string): ApiError | undefined {
  const known = classifyDatabaseError(error);
  if (!known) return undefined;
  const message = (error as Error).message;
  switch (known.kind) {
    case 'duplicate': {
      const field = known.column ? snakeToCamel(known.column) : undefined;
      return {
        code: 'conflict',
        message,
        key: 'errors.duplicate',
        ...(field ? { field, issues: [{ field, key: 'errors.duplicate' }] } : {}),
      };
    }
    case 'constraint':
      return { code: 'conflict', message, key: 'errors.conflict' };
    case 'busy':
      return { code: 'busy', message, key: 'errors.busy' };
    case 'diskFull':
      return { code: 'disk_full', message, key: 'errors.disk_full' };
    case 'readOnly':
      return {
        code: 'read_only',
        message,
        key: 'errors.read_only',
        params: { folder: dataDir ?? '' },
      };
  }
}
