import type { handoverChannels } from '../../../../shared/contract';
import { listHandovers } from '../../../../db/queries/handover/handovers';
import type { HandlersOf } from '../../core/context';
import { moduleText } from '../../files/export-text';
import { handoverItemsCsv, handoverItemsFileName, handoverItemsXlsx } from './export';
import { addItem, editItem, openItems } from './items';
import { readSettings, saveSettings, SETTINGS_KEY } from './settings';
import { detail, localNow, rowFigures, withExcerpts } from './sheets';
import {
  acknowledge,
  addendum,
  dispute,
  handoverLeads,
  saveContent,
  startHandover,
  submit,
} from './sign-off';

export const handoverHandlers: HandlersOf<typeof handoverChannels> = {
  'handover.settings': (ctx) => readSettings(ctx),

  'handover.updateSettings': async (ctx, input) => {
    const { before, settings } = await saveSettings(ctx, input);
    await ctx.audit({
      action: 'update',
      entity: 'settings',
      entityId: SETTINGS_KEY,
      before,
      after: settings,
    });
    return settings;
  },

  'handover.leads': (ctx) => handoverLeads(ctx),

  'handover.start': async (ctx, input) => {
    const { id, created } = await startHandover(ctx, input);
    if (created) {
      await ctx.audit({
        action: 'create',
        entity: 'handover',
        entityId: id,
        after: { ...input, ...created },
      });
    }
    return detail(ctx, id);
  },

  'handover.get': (ctx, { id }) => detail(ctx, id),

  'handover.save': async (ctx, input) => {
    const { before, after } = await saveContent(ctx, input);
    await ctx.audit({ action: 'update', entity: 'handover', entityId: input.id, before, after });
    return detail(ctx, input.id);
  },

  'handover.addItem': async (ctx, input) => {
    const { itemId, fields } = await addItem(ctx, input);
    await ctx.audit({
      action: 'create',
      entity: 'handover_item',
      entityId: itemId,
      after: { handoverId: input.handoverId, ...fields },
    });
    return detail(ctx, input.handoverId);
  },

  'handover.updateItem': async (ctx, input) => {
    const { item, changes } = await editItem(ctx, input);
    await ctx.audit({
      action: 'update',
      entity: 'handover_item',
      entityId: input.id,
      before: changes.before,
      after: changes.after,
    });
    return item;
  },

  'handover.submit': (ctx, input) => submit(ctx, input),
  'handover.acknowledge': (ctx, { id }) => acknowledge(ctx, id),
  'handover.dispute': (ctx, { id, remark }) => dispute(ctx, id, remark),
  'handover.addendum': (ctx, { id, text }) => addendum(ctx, id, text),

  'handover.list': async (ctx, { page, pageSize, ...filter }) => {
    const scope = ctx.teams.filter && {
      teamIds: ctx.teams.filter,
      userId: ctx.session?.userId ?? null,
    };
    const { rows, total } = await listHandovers(
      ctx.db,
      { ...filter, ...(scope && { scope }) },
      { page, pageSize },
    );
    return { rows: await withExcerpts(ctx, await rowFigures(ctx, rows), filter.search), total };
  },

  'handover.openItems': (ctx) => openItems(ctx),

  'handover.exportItems': async (ctx, input) => {
    const items = await openItems(ctx);
    const { categories } = await readSettings(ctx);
    const text = moduleText(input.language, 'handover');
    const content =
      input.format === 'xlsx'
        ? await handoverItemsXlsx(text, items, categories)
        : handoverItemsCsv(text, items, categories);
    await ctx.audit({
      action: 'export',
      entity: 'handover_item',
      after: { ...input, items: items.length },
    });
    return {
      fileName: handoverItemsFileName(text, input.format, localNow(ctx)),
      contentBase64: content.toString('base64'),
    };
  },
};
