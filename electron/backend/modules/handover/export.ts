import type { ItemCategoryDef, OpenItem } from '../../../../shared/contract';
import { toCsv } from '../../files/csv';
import type { ExportText } from '../../files/export-text';
import {
  addTableSheet,
  createWorkbook,
  csvCells,
  csvHeaders,
  wallTime,
  workbookBuffer,
  type Column,
} from '../../files/xlsx';

/** The open-items board (遗留事项) as a file, in the user's language: the same columns in XLSX and CSV. */
function columns({ t }: ExportText, categories: ItemCategoryDef[]): Column<OpenItem>[] {
  // A default category reads in the file's language, as on the screen; a centre's own by its name.
  const category = new Map(
    categories.map((c) => [c.code, t(`handover.category.${c.code}`, { defaultValue: c.name })]),
  );
  return [
    { header: t('handover.file.columns.id'), value: (i) => i.id },
    { header: t('fields.category'), value: (i) => category.get(i.category) ?? i.category },
    { header: t('fields.description'), value: (i) => i.description, width: 40 },
    { header: t('fields.reference'), value: (i) => i.reference },
    { header: t('fields.priority'), value: (i) => t(`handover.priority.${i.priority}`) },
    { header: t('fields.status'), value: (i) => t(`handover.itemStatus.${i.status}`) },
    { header: t('fields.owner'), value: (i) => i.owner },
    { header: t('fields.dueAt'), value: (i) => wallTime(i.dueAt) },
    {
      header: t('handover.file.columns.overdue'),
      value: (i) => (i.overdue ? t('handover.file.yes') : ''),
    },
    { header: t('handover.file.columns.shifts'), value: (i) => i.shifts },
    { header: t('handover.file.columns.ageHours'), value: (i) => i.ageHours },
    { header: t('handover.file.columns.createdBy'), value: (i) => i.createdBy },
    { header: t('handover.items.lastHandover'), value: (i) => wallTime(i.lastHandoverDate) },
  ];
}

export function handoverItemsFileName(text: ExportText, format: 'xlsx' | 'csv', now: string) {
  const stamp = `${now.slice(0, 10).replace(/-/g, '')}-${now.slice(11, 16).replace(':', '')}`;
  return `${text.t('handover.file.title')}-${stamp}.${format}`;
}

export async function handoverItemsXlsx(
  text: ExportText,
  items: OpenItem[],
  categories: ItemCategoryDef[],
) {
  const title = text.t('handover.file.title');
  const workbook = createWorkbook({ title });
  addTableSheet(workbook, title, columns(text, categories), items);
  return workbookBuffer(workbook);
}

export function handoverItemsCsv(
  text: ExportText,
  items: OpenItem[],
  categories: ItemCategoryDef[],
) {
  const cols = columns(text, categories);
  return toCsv(
    csvHeaders(cols),
    items.map((i) => csvCells(cols, i)),
  );
}
