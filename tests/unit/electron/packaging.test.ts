import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { SENTINEL, FuseState } from '@electron/fuses/dist/constants';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import config, { ELECTRON_FUSES } from '../../../electron-builder';

/**
 * The installer's settings, checked without packaging (which needs the Electron runtime and NSIS
 * downloaded): electron-builder's own schema accepts them, and the fuses they name, flipped by
 * @electron/fuses (what electron-builder calls) into a stand-in binary, come out as intended.
 */
const fuseName = (key: string) =>
  (key[0]!.toUpperCase() + key.slice(1)) as keyof typeof FuseV1Options;

describe('the electron-builder configuration', () => {
  it('is valid for electron-builder', async () => {
    await expect(
      validateConfiguration(config, { isEnabled: false } as never),
    ).resolves.toBeUndefined();
  });

  it('builds a Windows NSIS installer from the built app only, in an ASAR archive', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, deleteAppDataOnUninstall: false });
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['out/**/*', 'package.json', '!**/*.map']);
    // better-sqlite3's native binary must sit outside the archive to load.
    expect(config.asarUnpack).toContain('**/*.node');
    // The entry point is the built main process, inside out/.
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('decides every fuse Electron has: run-as-node, NODE_OPTIONS and inspect off, ASAR integrity on', () => {
    expect(config.electronFuses).toBe(ELECTRON_FUSES);
    const names = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(ELECTRON_FUSES).map(fuseName).sort()).toEqual([...names].sort());
    expect(ELECTRON_FUSES).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('flips those fuses in an Electron binary', async () => {
    // A stand-in for the executable: the fuse wire as Electron ships it (sentinel, version 1,
    // eight fuses: run-as-node, NODE_OPTIONS, inspect and file:// privileges on), in other bytes.
    const dir = mkdtempSync(join(tmpdir(), 'fuses-'));
    const binary = join(dir, 'supervisor-console.exe');
    const shipped = [1, 0, 1, 1, 0, 0, 0, 1].map((on) =>
      on ? FuseState.ENABLE : FuseState.DISABLE,
    );
    writeFileSync(
      binary,
      Buffer.concat([
        Buffer.alloc(4096, 0xcc),
        Buffer.from(SENTINEL),
        Buffer.from([1, shipped.length, ...shipped]),
        Buffer.alloc(4096, 0xcc),
      ]),
    );
    try {
      const wire = Object.fromEntries(
        Object.entries(ELECTRON_FUSES).map(([key, on]) => [FuseV1Options[fuseName(key)], on]),
      );
      await flipFuses(binary, {
        version: FuseVersion.V1,
        strictlyRequireAllFuses: true,
        ...wire,
      } as never);
      const after = await getCurrentFuseWire(binary);
      const state = (fuse: FuseV1Options) => after[fuse];
      expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
      expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
      expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
