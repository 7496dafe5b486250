import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Spreadsheet files built byte by byte in the tests (never committed): well-formed XLSX packages
 * small enough to read, and the hostile ones a console must survive, such as a sheet that claims
 * every cell Excel has, or a part that inflates to gigabytes.
 */
export interface ZipPart {
  name: string;
  /** The part's bytes, deflated here. */
  data?: Buffer | string;
  /** Or a deflate stream made elsewhere, with the size and CRC the directory should declare. */
  deflated?: { data: Buffer; size: number; crc: number };
}

/** A zip of deflated parts, written as Excel writes one: local headers, then the directory. */
export function zip(parts: ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const raw = part.data === undefined ? undefined : Buffer.from(part.data);
    const { data, size, crc } = part.deflated ?? {
      data: deflateRawSync(raw!),
      size: raw!.length,
      crc: crc32(raw!),
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    directory.push(entry, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dir, end]);
}

/**
 * Pieces repeated as one deflate stream, without ever holding the whole: each copy of a piece is
 * the same fully flushed block, so gigabytes cost one piece's compression. The CRC is left 0: no
 * reader checks it before inflating, and these parts are meant never to be inflated.
 */
export function repeatedDeflate(pieces: [piece: Buffer, times: number][]) {
  const blocks: Buffer[] = [];
  let size = 0;
  for (const [piece, times] of pieces) {
    const block = deflateRawSync(piece, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
    for (let i = 0; i < times; i++) blocks.push(block);
    size += piece.length * times;
  }
  blocks.push(deflateRawSync(Buffer.alloc(0)));
  return { data: Buffer.concat(blocks), size, crc: 0 };
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A row of inline-string cells, as some exporters write them (no shared strings). */
export const inlineRow = (row: number, cells: string[]) =>
  `<row r="${row}">${cells
    .map(
      (text, i) =>
        `<c r="${String.fromCharCode(65 + i)}${row}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`,
    )
    .join('')}</row>`;

/**
 * A workbook whose first sheet is `sheetData` (the <row> elements, or a ready deflate stream of
 * them), with `dimension` declared and any extra parts (images…) added to the package.
 */
export function workbook({
  sheetData,
  dimension,
  extra = [],
}: {
  sheetData: string | { deflated: ZipPart['deflated'] };
  dimension?: string;
  extra?: ZipPart[];
}): Buffer {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>`;
  const tail = '</sheetData></worksheet>';
  const sheet: ZipPart =
    typeof sheetData === 'string'
      ? { name: 'xl/worksheets/sheet1.xml', data: head + sheetData + tail }
      : { name: 'xl/worksheets/sheet1.xml', deflated: sheetData.deflated };
  return zip([
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    sheet,
    ...extra,
  ]);
}

/** The head and tail a deflated sheet needs around its repeated rows. */
export const SHEET_HEAD = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`,
);
export const SHEET_TAIL = Buffer.from('</sheetData></worksheet>');

/** 190,000 rows of four cells, about 38 MB of sheet XML: a few seconds' reading, under every cap. */
export function slowWorkbook() {
  const rows = Buffer.from(
    Array.from(
      { length: 1000 },
      () =>
        '<row><c t="inlineStr"><is><t>列一</t></is></c><c t="inlineStr"><is><t>列二</t></is></c><c t="inlineStr"><is><t>列三</t></is></c><c t="inlineStr"><is><t>列四</t></is></c></row>',
    ).join(''),
  );
  return workbook({
    sheetData: {
      deflated: repeatedDeflate([
        [SHEET_HEAD, 1],
        [rows, 190],
        [SHEET_TAIL, 1],
      ]),
    },
  });
}
