import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signatureMatches, signRecord, type AuditKey } from './audit-key';
import { isAuditHead, type Anchor, type AuditHead } from './queries/audit/trail';
import { writeOwnerOnly } from './owner-only';

/**
 * The audit chain's head, anchored beside the database: rewritten after each commit that appended
 * audit entries, signed with the audit key. Whoever cuts the trail's tail, or puts an older copy
 * of the file back, leaves a head the live chain no longer reaches; a head edited to match does
 * not carry the key's signature.
 */
export const AUDIT_HEAD_FILE = 'audit-head.json';
const PURPOSE = 'audit-head';

interface HeadFile extends AuditHead {
  at: string;
  sig: string;
}

export function writeHeadFile(dataDir: string, key: AuditKey, head: AuditHead, at: string) {
  const record = { lastId: head.lastId, mac: head.mac, count: head.count, at };
  const file: HeadFile = { ...record, sig: signRecord(key, PURPOSE, record) };
  writeOwnerOnly(join(dataDir, AUDIT_HEAD_FILE), `${JSON.stringify(file, null, 2)}\n`);
}

/** The head file as an anchor: `none` when there is none yet, `forged` when its signature fails. */
export function readHeadFile(dataDir: string, key: AuditKey): Anchor {
  const anchor: Anchor = { source: 'head', name: null, at: null, head: null };
  const file = join(dataDir, AUDIT_HEAD_FILE);
  if (!existsSync(file)) return { ...anchor, problem: 'none' };
  let parsed: Partial<HeadFile>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<HeadFile>;
  } catch {
    return { ...anchor, problem: 'forged' };
  }
  const { sig, at, ...head } = parsed;
  if (!isAuditHead(head) || typeof at !== 'string') return { ...anchor, problem: 'forged' };
  const record = { lastId: head.lastId, mac: head.mac, count: head.count, at };
  if (!signatureMatches(key, PURPOSE, record, sig)) return { ...anchor, problem: 'forged' };
  return { ...anchor, at, head: { lastId: head.lastId, mac: head.mac, count: head.count } };
}
