import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { failure } from '../../../shared/contract';
import { formatDate } from '../../../shared/domain/time';

/** A spreadsheet read as text: its header row and each data row keyed by header, with the line the user sees. */
export interface TableFile {
  headers: string[];
  rows: { line: number; cells: Record<string, string> }[];
}

/**
 * Chinese Excel saves "CSV" in the ANSI code page (GBK) unless told otherwise, so a file that is
 * not valid UTF-8 is read as GB18030 (a superset of GBK).
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function fromMatrix(matrix: string[][], firstLine = 1): TableFile {
  const [headerRow = [], ...body] = matrix;
  const headers = headerRow.map((h) => h.trim());
  const rows = body
    .map((cells, i) => ({
      line: firstLine + i + 1,
      cells: Object.fromEntries(headers.map((h, c) => [h, (cells[c] ?? '').trim()])),
    }))
    .filter((row) => Object.values(row.cells).some((v) => v !== ''));
  return { headers, rows };
}

export function readCsv(bytes: Uint8Array): TableFile {
  const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
  return fromMatrix(parsed.data);
}

function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  // Excel dates are stored as serial days; exceljs hands them over as UTC date-times.
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
    // A bare time is a fraction of Excel's day zero, 1899-12-30.
    if (value.getUTCFullYear() < 1900) return time;
    const day = formatDate(
      new Date(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()),
    );
    // A clock export's date-time shows hours in its format (even at 00:00); a hire date does not.
    const showsTime = /[hH]/.test((numFmt ?? '').replace(/"[^"]*"/g, ''));
    return showsTime || time !== '00:00' ? `${day} ${time}` : day;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue, numFmt);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<TableFile> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const matrix: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    matrix.push(
      Array.from({ length: sheet.columnCount }, (_, c) => {
        const cell = row.getCell(c + 1);
        return cellText(cell.value, cell.numFmt);
      }),
    );
  }
  return fromMatrix(matrix);
}

export async function readTableFile(fileName: string, bytes: Uint8Array): Promise<TableFile> {
  return /\.xlsx$/i.test(fileName) ? readXlsx(bytes) : readCsv(bytes);
}

/** Reads an uploaded file; one that cannot be read is refused as a whole import. */
export async function readImportFile(fileName: string, contentBase64: string): Promise<TableFile> {
  try {
    return await readTableFile(fileName, Buffer.from(contentBase64, 'base64'));
  } catch {
    throw failure('import_rejected', 'the file could not be read', {
      key: 'errors.importUnreadable',
      field: 'contentBase64',
      rows: [],
    });
  }
}

export const normalizeHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s*_]+/g, ' ')
    .trim();

/** Finds each wanted column by the names spreadsheets use for it (Chinese first). */
export function matchColumns<K extends string>(
  headers: string[],
  names: Record<K, readonly string[]>,
): Partial<Record<K, string>> {
  const found: Partial<Record<K, string>> = {};
  for (const header of headers) {
    const n = normalizeHeader(header);
    for (const [column, aliases] of Object.entries(names) as [K, readonly string[]][]) {
      if (!found[column] && aliases.includes(n)) found[column] = header;
    }
  }
  return found;
}
