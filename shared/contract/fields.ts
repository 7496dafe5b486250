import { z } from 'zod';
import { isValidDate, isValidDateTime } from '../domain/time';
import { POSITIONS, STAFF_STATUSES } from '../domain/org';
import { LANGUAGES } from '../domain/language';

/**
 * Field schemas shared by several modules. Custom checks carry an i18n key as their message
 * so the renderer can name the problem in the user's language.
 */
export const id = z.number().int().positive();
export const isoDate = z.string().refine(isValidDate, { error: 'validation.date' });
export const clockTime = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'validation.clock' });

/**
 * Characters no one types and some can abuse, refused in all free text: the C0 controls but tab
 * and line breaks (NUL, BEL, ESC …), DEL, the C1 controls, and the invisible bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make a name or a note read
 * differently from what it is stored as.
 */
const HIDDEN_CONTROLS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
/** What a one-line field refuses besides: tab and line breaks, Unicode's separators included. */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/u;

/** Free text: one line (names, references) by default, or several (notes, reasons). */
export type TextLines = 'one-line' | 'multiline';

const freeText = (max: number, lines: TextLines) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !HIDDEN_CONTROLS.test(v), { error: 'validation.controlCharacters' })
    .refine((v) => lines === 'multiline' || !LINE_BREAKS.test(v), {
      error: 'validation.lineBreak',
    });

export const requiredText = (max: number, lines: TextLines = 'one-line') =>
  freeText(max, lines).min(1);
export const optionalText = (max: number, lines: TextLines = 'one-line') =>
  freeText(max, lines)
    .nullish()
    .transform((v) => (v ? v : null));
export const employeeNo = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'validation.employeeNo' });
export const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'validation.color' });
export const position = z.enum(POSITIONS);
export const staffStatus = z.enum(STAFF_STATUSES);
export const minutes = (max: number) => z.number().int().min(0).max(max);
export const empty = z.object({}).strict();
export const timestamp = z.string();
/** Wall-clock 'yyyy-MM-dd HH:mm' (see shared/domain/time.ts wallMinutes). */
export const dateTime = z.string().refine(isValidDateTime, { error: 'validation.dateTime' });
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.month' });

/** An uploaded spreadsheet: CSV or XLSX, as base64. */
export const importFile = z.object({
  fileName: z
    .string()
    .trim()
    .regex(/\.(csv|xlsx)$/i, { error: 'validation.importFile' }),
  contentBase64: z.string().min(1).max(14_000_000),
});

/** A file the renderer saves for the user: Electron's save dialog, or a browser download. */
export const exportFile = z.object({ fileName: z.string(), contentBase64: z.string() });

/** The language of an exported file: the caller's interface language. */
export const language = z.enum(LANGUAGES);
