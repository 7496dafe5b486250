import { z } from 'zod';
import { isValidDate, isValidDateTime } from '../domain/time';
import { POSITIONS, STAFF_STATUSES } from '../domain/org';

/**
 * Field schemas shared by several modules. Custom checks carry an i18n key as their message
 * so the renderer can name the problem in the user's language.
 */
export const id = z.number().int().positive();
export const isoDate = z.string().refine(isValidDate, { error: 'validation.date' });
export const clockTime = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'validation.clock' });
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
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
