import {
  handoverSettings as settingsSchema,
  type HandoverSettings,
} from '../../../../shared/contract';
import { getJsonSetting, putSetting } from '../../../../db/queries/settings/settings';
import type { HandlerContext } from '../../core/context';
import { fieldFailure } from '../../core/errors';

export const SETTINGS_KEY = 'handover.settings';
const DEFAULT_CATEGORIES: [string, string][] = [
  ['callback', '客户回访'],
  ['complaint', '投诉跟进'],
  ['ticket', '工单'],
  ['system_fault', '系统故障'],
  ['equipment', '设备'],
  ['notice', '通知'],
  ['other', '其他'],
];
export const DEFAULT_HANDOVER_SETTINGS: HandoverSettings = {
  ackDeadlineMinutes: 30,
  scope: 'team',
  categories: DEFAULT_CATEGORIES.map(([code, name]) => ({ code, name, active: true })),
};

export function readSettings(ctx: Pick<HandlerContext, 'db'>): Promise<HandoverSettings> {
  return getJsonSetting(ctx.db, SETTINGS_KEY, settingsSchema, DEFAULT_HANDOVER_SETTINGS);
}

/** Saves the settings; a category in use can be retired, never removed: old items still name it. */
export async function saveSettings(ctx: HandlerContext, input: HandoverSettings) {
  const before = await readSettings(ctx);
  const kept = before.categories.filter((c) => !input.categories.some((n) => n.code === c.code));
  const settings = {
    ...input,
    categories: [...input.categories, ...kept.map((c) => ({ ...c, active: false }))],
  };
  await putSetting(ctx.db, SETTINGS_KEY, JSON.stringify(settings), ctx.now);
  return { before, settings };
}

/** An item's category must be an active one; an item may keep one retired after it was written. */
export async function checkCategory(ctx: HandlerContext, code: string, current?: string) {
  const settings = await readSettings(ctx);
  if (code === current || settings.categories.some((c) => c.code === code && c.active)) return;
  throw fieldFailure('category', 'errors.unknownCategory');
}
