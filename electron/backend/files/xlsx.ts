import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

/**
 * exceljs takes most of a second to load (it pulls in its zip readers and their polyfills): it is
 * loaded by the first export, so the console does not wait for it at every start.
 */
let excel: typeof ExcelJS | undefined;
const exceljs = () => (excel ??= createRequire(import.meta.url)('exceljs') as typeof ExcelJS);

/**
 * Styled XLSX tables for the reports HR and managers open in Excel or WPS: a bold, filled,
 * bordered header that stays in view (frozen first row) with a filter on it, widths that fit
 * Chinese text, and numbers stored as numbers so the sheet can still be summed.
 */

/**
 * One cell. A date or date-time is a `WallTime` (see below), written as a real Excel date; text
 * stays text, numbers stay numbers.
 */
export type Cell = string | number | WallTime | null;

/**
 * A calendar date ('yyyy-MM-dd') or wall-clock time ('yyyy-MM-dd HH:mm') as Excel keeps it: a
 * serial day number with no time zone. exceljs writes a JS Date by its UTC fields, so the wall
 * time is put in a Date's UTC fields and reads back the same on any desk.
 */
export class WallTime {
  constructor(readonly text: string) {}
  get date(): Date {
    const [y, m, d, hh = 0, mm = 0] = this.text.split(/[- :]/).map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!, hh, mm));
  }
  get numFmt() {
    return this.text.length > 10 ? DATE_TIME : DATE;
  }
}
/** A column of dates or date-times: empty cells stay empty. */
export const wallTime = (text: string | null) => (text ? new WallTime(text) : null);

export interface Column<Row> {
  /** The header, in the file's one language. */
  header: string;
  value: (row: Row) => Cell;
  /** An Excel number format, e.g. PERCENT; CSV shows the number as this format would. */
  numFmt?: string;
  /** Minimum width in Excel character units; the widest cell widens the column up to MAX_WIDTH. */
  width?: number;
}

export const PERCENT = '0.0%';
const DATE = 'yyyy-mm-dd';
const DATE_TIME = 'yyyy-mm-dd hh:mm';
const MIN_WIDTH = 10;
const MAX_WIDTH = 50;
/** Points per line of text; rows with wrapped text get their height set, as not every viewer fits it. */
const LINE_HEIGHT = 16;

export const CREATOR = '值班主管控制台';

/** A cell as Excel would show it with the column's format: what CSV writes, and what widths measure. */
export function displayText(value: Cell, numFmt?: string): string {
  if (value === null) return '';
  if (value instanceof WallTime) return value.text;
  if (typeof value === 'number' && numFmt?.endsWith('%')) {
    const decimals = numFmt.split('.')[1]?.replace('%', '').length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  return String(value);
}

/** The same columns as CSV cells, so both formats of a report show the same figures. */
export function csvCells<Row>(columns: Column<Row>[], row: Row): string[] {
  return columns.map((c) => displayText(c.value(row), c.numFmt));
}

export function csvHeaders<Row>(columns: Column<Row>[]): string[] {
  return columns.map((c) => c.header);
}

// East Asian wide and full-width characters take about two width units in Excel's default font.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

export function createWorkbook(meta: { title: string; subject?: string }): ExcelJS.Workbook {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.title = meta.title;
  if (meta.subject) workbook.subject = meta.subject;
  return workbook;
}

const thin = (argb: string): Partial<ExcelJS.Borders> => {
  const side = { style: 'thin' as const, color: { argb } };
  return { top: side, left: side, bottom: side, right: side };
};
const HEADER_BORDER = thin('FF8EA9C1');
const CELL_BORDER = thin('FFD9D9D9');
const WRAPPED: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDEBF7' },
};

/** Adds a sheet: header row, one row per item, styles, widths, frozen header, filter, print setup. */
export function addTableSheet<Row>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Column<Row>[],
  rows: readonly Row[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });

  const headers = columns.map((c) => c.header);
  const header = sheet.addRow(headers);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = HEADER_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = LINE_HEIGHT + 4;

  const values = rows.map((item) => columns.map((c) => c.value(item)));
  const textWidths = values.map((cells) =>
    cells.map((v, i) => displayWidth(displayText(v, columns[i]!.numFmt))),
  );
  // The widest header line or cell plus a little padding, within bounds.
  const widths = columns.map((c, i) => {
    let widest = displayWidth(headers[i]!);
    for (const w of textWidths) widest = Math.max(widest, w[i]!);
    const width = Math.min(MAX_WIDTH, Math.max(c.width ?? MIN_WIDTH, widest + 2));
    sheet.getColumn(i + 1).width = width;
    return width;
  });

  // Cells share their style objects: exceljs numbers a style once per object it has seen, so
  // 18,000 rows × 18 columns cost four style lookups instead of 324,000.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (numFmt: string | undefined, wrap: boolean) => {
    const key = `${numFmt ?? ''}|${wrap}`;
    let style = styles.get(key);
    if (!style) {
      style = { border: CELL_BORDER };
      if (numFmt) style.numFmt = numFmt;
      if (wrap) style.alignment = WRAPPED;
      styles.set(key, style);
    }
    return style;
  };
  values.forEach((cells, r) => {
    const row = sheet.addRow(cells.map((v) => (v instanceof WallTime ? v.date : v)));
    let lines = 1;
    columns.forEach((column, i) => {
      // Text wider than its column wraps instead of running under its neighbour.
      const text = textWidths[r]![i]!;
      const wrap = text + 2 > widths[i]!;
      if (wrap) lines = Math.max(lines, Math.ceil(text / (widths[i]! - 2)));
      const cell = cells[i];
      row.getCell(i + 1).style = styleOf(
        cell instanceof WallTime
          ? cell.numFmt
          : typeof cell === 'number'
            ? column.numFmt
            : undefined,
        wrap,
      );
    });
    if (lines > 1) row.height = LINE_HEIGHT * lines + 2;
  });

  if (columns.length) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return sheet;
}

/** The file's bytes. Deflate level 1: a month's detail zips a few per cent larger, several times faster. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(
    await workbook.xlsx.writeBuffer({
      zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
    } as Partial<ExcelJS.XlsxWriteOptions>),
  );
}
