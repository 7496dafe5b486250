import Papa from 'papaparse';
import { ApiFailure, failure, type RowIssue } from '../../../shared/contract/errors';
import { DEFAULT_READ_LIMITS, rejectRows, type ReadLimits, type TableFile } from './import-file';
import {
  attribute,
  columnLetters,
  readNumberStyles,
  readSharedStrings,
  readSheet,
  scanXml,
  usesDate1904,
} from './sheet-xml';
import { inflateEntries, zipDirectory, ZipRefusedError } from './zip';

/**
 * Reading an uploaded spreadsheet as a table (see import-file.ts for what it gives and the limits
 * it keeps). Reading is bounded: rows, columns and, for XLSX, the bytes inflated are capped, so a
 * crafted or runaway file is refused quickly. This runs in the import worker, never on the
 * request path.
 */
const refuse = (key: string, params?: Record<string, string | number>) =>
  failure('import_rejected', key, { key, field: 'contentBase64', params, rows: [] });

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

/** Collects rows as they are read: the first non-empty one is the header; the caps apply here. */
class TableBuilder {
  headers: string[] | null = null;
  rows: TableFile['rows'] = [];
  constructor(private readonly limits: ReadLimits) {}

  /** Adds a row of cells (index = column), refusing the file past the row or column cap. */
  add(line: number, cells: string[]) {
    const trimmed = cells.map((c) => (c ?? '').trim());
    let last = trimmed.length - 1;
    while (last >= 0 && trimmed[last] === '') last--;
    if (last < 0) return; // an empty row
    if (last >= this.limits.maxColumns) {
      throw refuse('errors.importTooManyColumns', {
        row: line,
        column: last + 1,
        max: this.limits.maxColumns,
      });
    }
    if (!this.headers) {
      this.headers = trimmed.slice(0, last + 1);
      return;
    }
    if (this.rows.length >= this.limits.maxRows) {
      throw refuse('errors.importTooManyRows', { max: this.limits.maxRows });
    }
    this.rows.push({ line, cells: this.headers.map((_, c) => trimmed[c] ?? '') });
  }

  table(): TableFile {
    return { headers: this.headers ?? [], rows: this.rows };
  }
}

export function readCsv(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): TableFile {
  const builder = new TableBuilder(limits);
  let line = 0;
  let refusal: unknown;
  Papa.parse<string[]>(decodeText(bytes), {
    skipEmptyLines: false,
    // Row by row, so a runaway file stops at the cap instead of being parsed whole first.
    step: (result, parser) => {
      try {
        builder.add(++line, result.data);
      } catch (error) {
        refusal = error;
        parser.abort();
      }
    },
  });
  if (refusal) throw refusal;
  return builder.table();
}

/**
 * The parts of an XLSX a table needs: the workbook, its relations, the shared strings, the styles
 * and the first sheet, found through the relations as Excel names them. The sizes are checked
 * from the zip directory before anything is inflated; images, drawings and the other sheets are
 * never inflated at all.
 */
function tableParts(bytes: Buffer, limits: ReadLimits) {
  const entries = zipDirectory(bytes);
  const workbookPath = 'xl/workbook.xml';
  const relsPath = 'xl/_rels/workbook.xml.rels';
  const inflateLimits = { maxBytes: limits.maxInflatedBytes, maxRatio: limits.maxRatio };
  const book = inflateEntries(bytes, entries, [workbookPath, relsPath], inflateLimits);
  const workbook = book.get(workbookPath)?.toString('utf8');
  const rels = book.get(relsPath)?.toString('utf8');
  if (!workbook || !rels) throw new ZipRefusedError('unreadable', 'not a workbook');
  let firstSheetRel: string | undefined;
  scanXml(workbook, {
    open: (name, attributes) => {
      if (name === 'sheet' && firstSheetRel === undefined)
        firstSheetRel = attribute(attributes, 'id');
    },
    close: () => {},
    text: () => {},
  });
  const targets: { id?: string; type: string; target: string }[] = [];
  scanXml(rels, {
    open: (name, attributes) => {
      if (name === 'Relationship')
        targets.push({
          id: attribute(attributes, 'Id'),
          type: attribute(attributes, 'Type') ?? '',
          target: attribute(attributes, 'Target') ?? '',
        });
    },
    close: () => {},
    text: () => {},
  });
  // Targets are relative to xl/, or absolute from the package root.
  const path = (target: string | undefined) =>
    target === undefined ? undefined : target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheetPath = path(targets.find((t) => t.id === firstSheetRel)?.target);
  if (!sheetPath) throw new ZipRefusedError('unreadable', 'no first sheet');
  const stringsPath = path(targets.find((t) => t.type.endsWith('/sharedStrings'))?.target);
  const stylesPath = path(targets.find((t) => t.type.endsWith('/styles'))?.target);
  const used = workbook.length + rels.length;
  const parts = inflateEntries(
    bytes,
    entries,
    [sheetPath, stringsPath, stylesPath].filter((p): p is string => p !== undefined),
    { ...inflateLimits, maxBytes: limits.maxInflatedBytes - used },
  );
  const text = (name: string | undefined) => (name ? parts.get(name)?.toString('utf8') : undefined);
  const sheet = text(sheetPath);
  if (sheet === undefined) throw new ZipRefusedError('unreadable', 'the first sheet is missing');
  return { workbook, sheet, strings: text(stringsPath), styles: text(stylesPath) };
}

/**
 * Reads the first sheet row by row and cell by cell (sheet-xml.ts): a sheet that claims a million
 * rows and 16,384 columns costs only what it holds, and reading stops at the caps. A formula cell
 * reads as its last computed value; one saved without any is refused, naming the cell.
 */
export function readXlsx(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): TableFile {
  const parts = tableParts(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits);
  const builder = new TableBuilder(limits);
  const noValue: RowIssue[] = [];
  readSheet(parts.sheet, {
    sharedStrings: parts.strings ? readSharedStrings(parts.strings) : [],
    numberStyles: parts.styles ? readNumberStyles(parts.styles) : [],
    date1904: usesDate1904(parts.workbook),
    onRow(row, cells) {
      const texts: string[] = [];
      for (const [column, cell] of cells) {
        if (column > limits.maxColumns) {
          throw refuse('errors.importTooManyColumns', {
            row,
            column,
            max: limits.maxColumns,
          });
        }
        if ('text' in cell) texts[column - 1] = cell.text;
        else {
          noValue.push({
            row,
            field: builder.headers?.[column - 1] || columnLetters(column),
            key: 'errors.importFormulaNoValue',
            params: { cell: `${columnLetters(column)}${row}` },
          });
        }
      }
      builder.add(
        row,
        Array.from(texts, (t) => t ?? ''),
      );
    },
  });
  if (noValue.length > 0) throw rejectRows('errors.importFormulaNoValue', noValue);
  return builder.table();
}

/** Reads an uploaded file; one that cannot be read is refused as a whole import. */
export function readTableFile(
  fileName: string,
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): TableFile {
  try {
    return /\.xlsx$/i.test(fileName) ? readXlsx(bytes, limits) : readCsv(bytes, limits);
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    if (error instanceof ZipRefusedError && error.reason === 'too_large')
      throw refuse('errors.importTooLarge', { mb: Math.round(limits.maxInflatedBytes / 2 ** 20) });
    throw refuse('errors.importUnreadable');
  }
}
