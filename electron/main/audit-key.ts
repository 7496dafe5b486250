import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import {
  auditKeyOf,
  createOnce,
  decodeAuditSecret,
  encodeAuditSecret,
  fileAuditKey,
  newAuditSecret,
  PROTECTED_AUDIT_KEY_FILE,
  readPlainAuditSecret,
  type AuditKeySource,
} from '../../db/audit-key';

/**
 * The desktop app keeps the audit key encrypted by the operating system (Electron's safeStorage:
 * DPAPI on Windows, the Keychain on macOS, the desktop's secret store on Linux), in
 * audit-key.safestorage in the data folder: a copy of the folder carries the key only in a form
 * this Windows account on this PC can decrypt. Electron comes in as an argument, so this is
 * unit-tested without it. Only types from 'electron'.
 */
export type KeyStorage = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString'
> & { getSelectedStorageBackend?(): string };

/** The protected key file exists, but this account or PC cannot decrypt it (it was made elsewhere). */
export class AuditKeyUnreadableError extends Error {
  constructor(file: string, cause: unknown) {
    super(
      `The audit key ${file} cannot be decrypted by this user account on this computer ` +
        `(${cause instanceof Error ? cause.message : String(cause)}). The data folder was moved ` +
        'from another PC or account: open it there, or restore a backup into a new data folder.',
    );
  }
}

/** Whether the OS really protects what safeStorage encrypts (not Linux's fixed-password fallback). */
function osProtects(storage: KeyStorage, platform: NodeJS.Platform): boolean {
  if (!storage.isEncryptionAvailable()) return false;
  return !(platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text');
}

export function safeStorageAuditKey(
  storage: KeyStorage,
  platform: NodeJS.Platform = process.platform,
  warn: (message: string) => void = (m) => console.warn(m),
): AuditKeySource {
  return (dataDir) => {
    const file = join(dataDir, PROTECTED_AUDIT_KEY_FILE);
    const decrypt = (bytes: Buffer) => {
      try {
        return auditKeyOf(decodeAuditSecret(storage.decryptString(bytes), file));
      } catch (error) {
        throw new AuditKeyUnreadableError(file, error);
      }
    };
    if (existsSync(file)) return decrypt(readFileSync(file));
    // A folder browser mode started keeps its plain key file, so both modes go on reading one key.
    const plain = readPlainAuditSecret(dataDir);
    if (plain) return auditKeyOf(plain);
    if (!osProtects(storage, platform)) {
      warn('The OS offers no protected storage: the audit key is kept in an owner-only file.');
      return fileAuditKey(dataDir);
    }
    const encrypted = storage.encryptString(encodeAuditSecret(newAuditSecret()));
    return decrypt(createOnce(file, encrypted));
  };
}
