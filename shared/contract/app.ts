import { z } from 'zod';
import { channel } from './channel';
import { empty } from './fields';
import { admins, everyone } from './roles';

/** The console itself: what it runs on, and the demo data of an empty one. */
export const appChannels = {
  'app.info': channel({
    input: empty,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      schemaVersion: z.number().int(),
      empty: z.boolean(),
    }),
    roles: everyone,
    transaction: 'read',
  }),
  'app.loadDemo': channel({
    input: empty,
    output: z.object({
      teams: z.number().int(),
      staff: z.number().int(),
      scheduleDays: z.number().int(),
      attendanceRecords: z.number().int(),
      rewardsRecords: z.number().int(),
    }),
    roles: admins,
    transaction: 'write',
  }),
} as const;
