import type { ItemCategoryDef, OpenItem } from '../../../../shared/contract';
import { toCsv } from '../../files/csv';
import {
  addTableSheet,
  createWorkbook,
  csvCells,
  csvHeaders,
  workbookBuffer,
  type Column,
} from '../../files/xlsx';

/** The open-items board (遗留事项) as a file: the same columns in XLSX and CSV. */
const PRIORITY: Record<OpenItem['priority'], string> = {
  urgent: '紧急',
  high: '高',
  normal: '普通',
  low: '低',
};
const STATUS: Record<OpenItem['status'], string> = {
  open: '待处理',
  in_progress: '处理中',
  resolved: '已解决',
};

function columns(categories: ItemCategoryDef[]): Column<OpenItem>[] {
  const category = new Map(categories.map((c) => [c.code, c.name]));
  return [
    { header: ['编号', 'No.'], value: (i) => i.id },
    { header: ['类别', 'Category'], value: (i) => category.get(i.category) ?? i.category },
    { header: ['事项', 'Description'], value: (i) => i.description, width: 40 },
    { header: ['客户/工单号', 'Customer / ticket'], value: (i) => i.reference },
    { header: ['优先级', 'Priority'], value: (i) => PRIORITY[i.priority] },
    { header: ['状态', 'Status'], value: (i) => STATUS[i.status] },
    { header: ['负责人', 'Owner'], value: (i) => i.owner },
    { header: ['截止时间', 'Due'], value: (i) => i.dueAt },
    { header: ['已超期', 'Overdue'], value: (i) => (i.overdue ? '是 Yes' : '') },
    { header: ['已交接班次', 'Shifts carried'], value: (i) => i.shifts },
    { header: ['已挂起小时', 'Age (hours)'], value: (i) => i.ageHours },
    { header: ['登记人', 'Written by'], value: (i) => i.createdBy },
    { header: ['最近交接日期', 'Last handover'], value: (i) => i.lastHandoverDate },
  ];
}

export function handoverItemsFileName(format: 'xlsx' | 'csv', now: string): string {
  return `遗留事项-${now.slice(0, 10).replace(/-/g, '')}-${now.slice(11, 16).replace(':', '')}.${format}`;
}

export async function handoverItemsXlsx(items: OpenItem[], categories: ItemCategoryDef[]) {
  const workbook = createWorkbook({ title: '遗留事项 Open handover items' });
  addTableSheet(workbook, '遗留事项 Open items', columns(categories), items);
  return workbookBuffer(workbook);
}

export function handoverItemsCsv(items: OpenItem[], categories: ItemCategoryDef[]) {
  const cols = columns(categories);
  return toCsv(
    csvHeaders(cols),
    items.map((i) => csvCells(cols, i)),
  );
}
