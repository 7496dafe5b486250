import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AUDIT_KEY_FILE,
  AuditKeyUnavailableError,
  fileAuditKey,
  PROTECTED_AUDIT_KEY_FILE,
} from '../../../db/audit-key';
import { DataLayer } from '../../../db/data-layer';
import { createBackend } from '../../../electron/backend';
import { AuditKeyUnreadableError, safeStorageAuditKey } from '../../../electron/main/audit-key';
import { sessionOf } from '../../helpers/store';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Electron's safeStorage as this test plays it: an account-bound XOR, like the OS's, reversible only here. */
function fakeSafeStorage(account = 0x5a, available = true, backend = 'gnome_libsecret') {
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ account));
  return {
    isEncryptionAvailable: vi.fn(() => available),
    getSelectedStorageBackend: () => backend,
    encryptString: vi.fn((text: string) =>
      Buffer.concat([Buffer.from('v10'), xor(Buffer.from(text))]),
    ),
    decryptString: vi.fn((bytes: Buffer) => {
      if (bytes.subarray(0, 3).toString() !== 'v10') throw new Error('not ours');
      const text = xor(bytes.subarray(3)).toString('utf8');
      if (!/^[A-Za-z0-9+/=]+\n$/.test(text))
        throw new Error('Error while decrypting the ciphertext');
      return text;
    }),
  };
}

describe('the desktop app’s audit key', () => {
  it('is made once, kept only encrypted by the OS, and read back the same', () => {
    const dir = tempDir();
    const storage = fakeSafeStorage();
    const key = safeStorageAuditKey(storage, 'win32')(dir);
    expect(existsSync(join(dir, PROTECTED_AUDIT_KEY_FILE))).toBe(true);
    expect(existsSync(join(dir, AUDIT_KEY_FILE))).toBe(false);
    expect(statSync(join(dir, PROTECTED_AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(storage.encryptString).toHaveBeenCalledTimes(1);
    const again = safeStorageAuditKey(storage, 'win32')(dir);
    expect(again.mac('entry')).toBe(key.mac('entry'));
    expect(storage.encryptString).toHaveBeenCalledTimes(1);
  });

  it('keys the trail of a console opened with it', async () => {
    const dir = tempDir();
    const layer = await DataLayer.open(dir, {
      dailyBackup: false,
      auditKey: safeStorageAuditKey(fakeSafeStorage(), 'darwin'),
    });
    const backend = createBackend(layer, { version: 'test', dataDir: dir }, { log: () => {} });
    await backend.callAs('org.teams.create', { name: '一组' }, sessionOf('admin'));
    expect(await layer.verifyAudit()).toMatchObject({ ok: true, entries: 1 });
    await layer.close();
    // Browser mode and the tools cannot read that key, and say so rather than start a new one.
    expect(() => fileAuditKey(dir)).toThrow(AuditKeyUnavailableError);
    expect(() => fileAuditKey(dir)).toThrow(/desktop app/);
  });

  it('goes on using the plain key of a folder browser mode started, so both modes read one key', () => {
    const dir = tempDir();
    const browserKey = fileAuditKey(dir);
    const desktopKey = safeStorageAuditKey(fakeSafeStorage(), 'win32')(dir);
    expect(desktopKey.mac('entry')).toBe(browserKey.mac('entry'));
    expect(existsSync(join(dir, PROTECTED_AUDIT_KEY_FILE))).toBe(false);
  });

  it('falls back to the owner-only file where the OS protects nothing', () => {
    const warn = vi.fn();
    for (const storage of [
      fakeSafeStorage(0x5a, false),
      fakeSafeStorage(0x5a, true, 'basic_text'),
    ]) {
      const dir = tempDir();
      safeStorageAuditKey(storage, 'linux', warn)(dir);
      expect(existsSync(join(dir, PROTECTED_AUDIT_KEY_FILE))).toBe(false);
      expect(statSync(join(dir, AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dir, AUDIT_KEY_FILE), 'utf8')).toMatch(/^[A-Za-z0-9+/=]{44}\n$/);
    }
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('says so when the folder comes from another account or PC, instead of starting a new key', () => {
    const dir = tempDir();
    safeStorageAuditKey(fakeSafeStorage(0x5a), 'win32')(dir);
    const elsewhere = safeStorageAuditKey(fakeSafeStorage(0x33), 'win32');
    expect(() => elsewhere(dir)).toThrow(AuditKeyUnreadableError);
    expect(() => elsewhere(dir)).toThrow(/another PC or account/);
  });
});
