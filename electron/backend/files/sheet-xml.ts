/**
 * The SpreadsheetML an XLSX keeps its first sheet in, read as a stream of tags: shared strings,
 * the number formats that make a number a date, and the sheet's cells row by row. No model of the
 * sheet is built, so a sheet costs what it holds, not what its dimension claims, and the reader
 * can stop at a cap. Excel, WPS and the common libraries all write this shape.
 */

/** Thrown for XML this reader does not take (a DOCTYPE, a broken tag). */
export class SheetXmlError extends Error {}

const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!([^>]*)>|<(\/?)(?:[\w.-]+:)?([\w.-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;

interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export const decodeEntities = (text: string) =>
  text.includes('&')
    ? text.replace(ENTITY, (_m, dec: string, hex: string, name: string) =>
        name ? NAMED[name]! : String.fromCodePoint(parseInt(dec ?? hex, dec ? 10 : 16)),
      )
    : text;

/** Calls the handler for each tag and text run, in order; names lose their namespace prefix. */
export function scanXml(xml: string, handler: XmlHandler) {
  TOKEN.lastIndex = 0;
  let at = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (m.index !== at) throw new SheetXmlError(`unexpected text at ${at}`);
    at = TOKEN.lastIndex;
    const [, cdata, declaration, closing, name, attributes, selfClosing, text] = m;
    if (cdata !== undefined) handler.text(cdata);
    else if (declaration !== undefined) {
      // A DOCTYPE could declare entities: no spreadsheet needs one, so none is taken.
      throw new SheetXmlError('a DOCTYPE in a spreadsheet part');
    } else if (name !== undefined) {
      if (closing) handler.close(name);
      else {
        handler.open(name, attributes ?? '', selfClosing === '/');
        if (selfClosing === '/') handler.close(name);
      }
    } else if (text !== undefined) handler.text(decodeEntities(text));
  }
  if (at !== xml.length) throw new SheetXmlError(`unexpected text at ${at}`);
}

/** One attribute's value (its namespace prefix ignored), or undefined. */
export function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(
    attributes,
  );
  return m ? decodeEntities(m[1] ?? m[2]!) : undefined;
}

/**
 * The shared strings (xl/sharedStrings.xml): each <si> is plain text in <t>, or rich text runs
 * (<r><t>…</t></r>) joined; phonetic guides (<rPh>) are not part of the text.
 */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(current ?? '');
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current !== null) current += text;
    },
  });
  return strings;
}

/** Built-in number formats that show a date or a time, the CJK ones (27–36, 50–58) included. */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);
const BUILT_IN_TIMES = new Set([18, 19, 20, 21, 22, 32, 33, 34, 35, 45, 46, 47, 55, 56]);

/** A custom format shows a date when, outside quoted text and [colour]/[locale] parts, it has y m d h or s. */
const isDateFormatCode = (code: string) => /[ymdhs]/i.test(code.replace(/\[[^\]]*]|"[^"]*"/g, ''));
const showsTimeCode = (code: string) => /[hs]/i.test(code.replace(/\[[^\]]*]|"[^"]*"/g, ''));

/** How each cell style (the `s` of a cell) shows a number: plain, a date, or a date with time. */
export type NumberStyle = 'number' | 'date' | 'datetime';

/** The number style of each cell format (xl/styles.xml <cellXfs>), by index. */
export function readNumberStyles(xml: string): NumberStyle[] {
  const codes = new Map<number, string>();
  const styles: NumberStyle[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, attributes) {
      if (name === 'numFmt') {
        const id = Number(attribute(attributes, 'numFmtId'));
        codes.set(id, attribute(attributes, 'formatCode') ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(attributes, 'numFmtId') ?? 0);
        const code = codes.get(id);
        const date = code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATES.has(id);
        const time = code !== undefined ? showsTimeCode(code) : BUILT_IN_TIMES.has(id);
        styles.push(date ? (time ? 'datetime' : 'date') : 'number');
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return styles;
}

/** Whether the workbook counts days from 1904 (old Mac Excel) instead of 1900. */
export const usesDate1904 = (workbookXml: string) =>
  /<(?:[\w.-]+:)?workbookPr\s[^>]*date1904\s*=\s*["'](?:1|true)["']/.test(workbookXml);

/** A cell as read: text, or a formula cell whose file keeps no computed value. */
export type SheetCell = { text: string } | { noCachedValue: true };

export interface SheetReadOptions {
  sharedStrings: string[];
  numberStyles: NumberStyle[];
  date1904: boolean;
  /** Called for every row with its Excel number and its cells by column (1-based, sparse). */
  onRow(row: number, cells: Map<number, SheetCell>): void;
}

/** 'AB12' → column 28. */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Excel's serial day as the user sees it: 'yyyy-MM-dd', 'yyyy-MM-dd HH:mm', or 'HH:mm' for a bare
 * time (a fraction of day zero). Serial days have no time zone: the arithmetic stays in UTC.
 */
export function serialDayText(serial: number, style: NumberStyle, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  if (date.getUTCFullYear() < 1900) return time;
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  // A clock export's date-time shows hours in its format (even at 00:00); a hire date does not.
  return style === 'datetime' || time !== '00:00' ? `${day} ${time}` : day;
}

/** Reads the sheet's rows in order, each with the cells that hold something. */
export function readSheet(xml: string, options: SheetReadOptions) {
  const { sharedStrings, numberStyles, date1904, onRow } = options;
  let rowNumber = 0;
  let cells: Map<number, SheetCell> | null = null;
  let column = 0;
  let type = 'n';
  let style: NumberStyle = 'number';
  let value: string | null = null;
  let inline: string | null = null;
  let hasFormula = false;
  /** Where text goes: the <v> value, an inline string's <t>, or nowhere. */
  let target: 'value' | 'inline' | null = null;
  let phonetic = 0;

  const cellText = (): SheetCell | null => {
    if (type === 'inlineStr') return inline === null ? null : { text: inline };
    if (value === null) return hasFormula ? { noCachedValue: true } : null;
    switch (type) {
      case 's':
        return { text: sharedStrings[Number(value)] ?? '' };
      case 'str':
        return { text: value };
      case 'b':
        return { text: value === '1' || value === 'true' ? 'TRUE' : 'FALSE' };
      case 'e':
        return { text: '' };
      case 'd': {
        const date = new Date(value);
        if (Number.isNaN(date.getTime())) return { text: value };
        const serial = date.getTime() / 86_400_000 + 25569;
        return { text: serialDayText(serial, style === 'number' ? 'datetime' : style, false) };
      }
      default: {
        const number = Number(value);
        if (!Number.isFinite(number)) return { text: value };
        return {
          text: style === 'number' ? String(number) : serialDayText(number, style, date1904),
        };
      }
    }
  };

  scanXml(xml, {
    open(name, attributes) {
      switch (name) {
        case 'row': {
          const r = attribute(attributes, 'r');
          rowNumber = r ? Number(r) : rowNumber + 1;
          cells = new Map();
          column = 0;
          break;
        }
        case 'c': {
          const r = attribute(attributes, 'r');
          column = r ? columnOf(r) : column + 1;
          type = attribute(attributes, 't') ?? 'n';
          style = numberStyles[Number(attribute(attributes, 's') ?? 0)] ?? 'number';
          value = null;
          inline = null;
          hasFormula = false;
          break;
        }
        case 'v':
          value = '';
          target = 'value';
          break;
        case 'f':
          hasFormula = true;
          break;
        case 'is':
          inline = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inline !== null && phonetic === 0) target = 'inline';
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          target = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          const cell = cellText();
          if (cells && cell && !('text' in cell && cell.text === '')) cells.set(column, cell);
          break;
        }
        case 'row':
          if (cells) onRow(rowNumber, cells);
          cells = null;
          break;
      }
    },
    text(text) {
      if (target === 'value') value += text;
      else if (target === 'inline') inline += text;
    },
  });
}
