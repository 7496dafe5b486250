import ExcelJS from 'exceljs';
import Papa from 'papaparse';
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

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Excel dates are stored as serial days; exceljs hands them over as UTC midnights.
  if (value instanceof Date) {
    return formatDate(new Date(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
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
      Array.from({ length: sheet.columnCount }, (_, c) => cellText(row.getCell(c + 1).value)),
    );
  }
  return fromMatrix(matrix);
}

export async function readTableFile(fileName: string, bytes: Uint8Array): Promise<TableFile> {
  return /\.xlsx$/i.test(fileName) ? readXlsx(bytes) : readCsv(bytes);
}
