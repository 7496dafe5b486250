import { join } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/contract';

/** The sandboxed preload is one small file: channel names, not the contract's schemas. */
const LIMIT_BYTES = 20 * 1024;

/** Builds the preload with the project's own electron-vite config, in memory (out/ is untouched). */
async function buildPreload(): Promise<string> {
  const root = join(__dirname, '..', '..', '..');
  const { config } = await resolveConfig(
    { configFile: join(root, 'electron.vite.config.ts'), root, logLevel: 'silent' },
    'build',
    'production',
  );
  const preload = config!.preload!;
  const result = (await build({
    ...preload,
    logLevel: 'silent',
    build: { ...preload.build, write: false },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunks = (Array.isArray(result) ? result : [result]).flatMap((r) =>
    r.output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk'),
  );
  expect(chunks.map((c) => c.fileName)).toEqual(['index.cjs']);
  return chunks[0]!.code;
}

describe('the preload bundle', () => {
  it(`stays under ${LIMIT_BYTES / 1024} KB and carries every channel name, but no schema`, async () => {
    const code = await buildPreload();
    expect(Buffer.byteLength(code)).toBeLessThan(LIMIT_BYTES);
    for (const channel of CHANNELS) expect(code, channel).toContain(`"${channel}"`);
    expect(code).not.toMatch(/zod|ZodError|safeParse/);
  }, 60_000);
});
