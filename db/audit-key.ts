import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOwnerOnly } from './owner-only';
import { narrowToOwner } from './sqlite';

/**
 * The audit trail's key: entries, the chain head beside the database and backup manifests carry
 * an HMAC made with it, so whoever edits the file without it cannot make them match again. It is
 * kept outside the database: whoever has only the database (or a backup, or the second backup
 * folder) does not have the key.
 */
export interface AuditKey {
  /** HMAC-SHA256 of the text, in hex. */
  mac(text: string): string;
}

/** Where a shell keeps the key for a data folder (browser mode and tools: a file; Electron: the OS). */
export type AuditKeySource = (dataDir: string) => AuditKey;

/** Browser mode and tools: the key in plain, in an owner-only (0600) file in the data folder. */
export const AUDIT_KEY_FILE = 'audit-key';
/** The desktop app: the key encrypted by the OS through Electron's safeStorage. */
export const PROTECTED_AUDIT_KEY_FILE = 'audit-key.safestorage';

const KEY_BYTES = 32;

export function auditKeyOf(secret: Buffer): AuditKey {
  if (secret.length !== KEY_BYTES) throw new Error(`an audit key is ${KEY_BYTES} bytes`);
  const key = Buffer.from(secret);
  return { mac: (text) => createHmac('sha256', key).update(text, 'utf8').digest('hex') };
}

export const newAuditSecret = () => randomBytes(KEY_BYTES);

/** The key file's text: the 32 bytes in base64, one line. */
export const encodeAuditSecret = (secret: Buffer) => `${secret.toString('base64')}\n`;

export function decodeAuditSecret(text: string, file: string): Buffer {
  const secret = Buffer.from(text.trim(), 'base64');
  if (secret.length !== KEY_BYTES) throw new Error(`${file} does not hold an audit key`);
  return secret;
}

/** A data folder whose key only the desktop app can read (the OS keeps it). */
export class AuditKeyUnavailableError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The audit trail of ${dataDir} is keyed by the desktop app, which keeps its key encrypted by the ` +
        'operating system; browser mode and the command-line tools cannot read it. Open this data ' +
        'folder with the desktop app (npm start), or use another data folder (--data-dir).',
    );
  }
}

/**
 * Creates `file` holding `content` unless it exists, at once for every process: two consoles
 * starting on a new folder end up with one key. Answers what the file holds afterwards.
 */
export function createOnce(file: string, content: string | Buffer): Buffer {
  mkdirSync(join(file, '..'), { recursive: true });
  const staged = `${file}.${randomBytes(6).toString('hex')}.new`;
  writeOwnerOnly(staged, content);
  try {
    linkSync(staged, file); // atomic, and fails if the file is there
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
      // A file system without hard links: exclusive create (a reader may briefly see it empty).
      try {
        writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
      } catch (again) {
        if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
      }
    } else if (code !== 'EEXIST') throw error;
  } finally {
    rmSync(staged, { force: true });
  }
  return readFileSync(file);
}

/** Reads the plain key file of a data folder, if there is one (kept owner-only). */
export function readPlainAuditSecret(dataDir: string): Buffer | undefined {
  const file = join(dataDir, AUDIT_KEY_FILE);
  if (!existsSync(file)) return undefined;
  narrowToOwner(file);
  return decodeAuditSecret(readFileSync(file, 'utf8'), file);
}

/** Browser mode and tools: the plain key file, made on first use. */
export const fileAuditKey: AuditKeySource = (dataDir) => {
  const existing = readPlainAuditSecret(dataDir);
  if (existing) return auditKeyOf(existing);
  if (existsSync(join(dataDir, PROTECTED_AUDIT_KEY_FILE)))
    throw new AuditKeyUnavailableError(dataDir);
  const file = join(dataDir, AUDIT_KEY_FILE);
  const text = createOnce(file, encodeAuditSecret(newAuditSecret())).toString('utf8');
  return auditKeyOf(decodeAuditSecret(text, file));
};

/** JSON with every object's keys sorted: the same value always gives the same text to sign. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Signs a record of one kind (the purpose keeps a head's signature from passing as a manifest's). */
export const signRecord = (key: AuditKey, purpose: string, record: object) =>
  key.mac(`${purpose}\n${canonicalJson(record)}`);

export function signatureMatches(key: AuditKey, purpose: string, record: object, sig: unknown) {
  if (typeof sig !== 'string') return false;
  const expected = Buffer.from(signRecord(key, purpose, record));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
