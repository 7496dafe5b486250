import { inflateRawSync } from 'node:zlib';

/**
 * Just enough of the ZIP format to read an XLSX safely: the central directory at the end lists
 * every entry with its sizes, so a file's cost is known before a byte is inflated. Only named
 * entries are inflated, each to no more than the size the directory declares; the rest (images,
 * drawings, embedded objects) are never touched.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Why a zip is refused: unreadable, or bigger (or more compressed) than a table file can be. */
export class ZipRefusedError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const unreadable = (why: string) => new ZipRefusedError('unreadable', why);

/** The central directory's entries; nothing is inflated. */
export function zipDirectory(bytes: Buffer): ZipEntry[] {
  // The end record is the last 22 bytes, plus a comment of up to 65,535.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable('no zip directory');
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  let at = bytes.readUInt32LE(end + 16);
  // ZIP64 marks its fields 0xFFFF…: no table file this console takes needs it.
  if (count === 0xffff || at === 0xffffffff || at + directorySize > end)
    throw unreadable('zip64 or a broken directory');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY)
      throw unreadable('broken directory entry');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's bytes, inflated to at most its declared size: a lying directory cannot make it bigger. */
export function inflateEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  if (entry.flags & 1) throw unreadable(`${entry.name} is encrypted`);
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_HEADER)
    throw unreadable(`${entry.name}: no local header`);
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw unreadable(`${entry.name} is cut short`);
  let content: Buffer;
  if (entry.method === STORED) content = data;
  else if (entry.method === DEFLATED) {
    if (entry.size === 0) return Buffer.alloc(0);
    try {
      content = inflateRawSync(data, { maxOutputLength: entry.size });
    } catch (error) {
      const tooBig = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw tooBig
        ? new ZipRefusedError('too_large', `${entry.name} inflates beyond its declared size`)
        : unreadable(`${entry.name}: ${String(error)}`);
    }
  } else throw unreadable(`${entry.name}: compression method ${entry.method}`);
  if (content.length !== entry.size) throw unreadable(`${entry.name}: size differs from directory`);
  return content;
}

export interface InflateLimits {
  /** The most the chosen entries may hold together, inflated. */
  maxBytes: number;
  /** The most an entry above 1 MB may inflate per compressed byte: zeros reach 1,000 and more. */
  maxRatio: number;
}

/**
 * Inflates the named entries (those present) after checking, from the directory alone, that
 * together they stay within the limits. Other entries are skipped unread.
 */
export function inflateEntries(
  bytes: Buffer,
  entries: ZipEntry[],
  names: string[],
  limits: InflateLimits,
): Map<string, Buffer> {
  const chosen = entries.filter((e) => names.includes(e.name));
  const total = chosen.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxBytes)
    throw new ZipRefusedError('too_large', `${total} bytes inflated, over ${limits.maxBytes}`);
  for (const e of chosen) {
    if (e.size > 1_000_000 && e.size > e.compressedSize * limits.maxRatio)
      throw new ZipRefusedError(
        'too_large',
        `${e.name} is compressed ${e.size / e.compressedSize}:1`,
      );
  }
  return new Map(chosen.map((e) => [e.name, inflateEntry(bytes, e)]));
}
