import { z } from 'zod';
import { isValidDate } from '../domain/time';
import { POSITIONS, STAFF_STATUSES } from '../domain/org';

/**
 * Field schemas shared by every channel. Custom checks carry an i18n key as their message
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
