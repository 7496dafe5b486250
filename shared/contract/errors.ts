/** Errors cross the boundary as data. `key` is an i18n key; `message` is an English fallback for logs. */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'forbidden',
  'unauthorized',
  'unknown_channel',
  'import_rejected',
  'database_damaged',
  /** Another process held the database's write lock for longer than a write waits. */
  'busy',
  /** The disk (or the database file's limit) is full: the action was not saved. */
  'disk_full',
  /** The data folder or its database refuses writes (permissions, a read-only disk). */
  'read_only',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

/** One bad row of an import: its 1-based line number as the user sees it in Excel. */
export interface RowIssue extends FieldIssue {
  row: number;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  key: string;
  field?: string;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
  rows?: RowIssue[];
}

/** Browser mode sends the signed-in session's token in this header (Electron passes it over IPC). */
export const SESSION_HEADER = 'x-console-session';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export function failure(
  code: ErrorCode,
  message: string,
  extra: Partial<Omit<ApiError, 'code' | 'message'>> = {},
): ApiFailure {
  return new ApiFailure({ code, message, key: extra.key ?? `errors.${code}`, ...extra });
}
