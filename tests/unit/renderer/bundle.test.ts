import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelAccess } from '../../../shared/contract';

/**
 * The built renderer (out/renderer, as `npm test` builds it first) reads only who may call each
 * channel of the contract, as a plain table put in at build time: zod and the schemas stay out.
 */
const assets = join(process.cwd(), 'out', 'renderer', 'assets');

describe('the renderer bundle', () => {
  it('carries the channels’ roles and public flags as a table, and no zod', () => {
    if (!existsSync(assets)) throw new Error(`${assets} is missing: run npx electron-vite build`);
    const code = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(assets, f), 'utf8'))
      .join('\n');
    // zod names its classes and issues by these strings, whatever the minifier does to the rest.
    expect(code).not.toMatch(/ZodError|\$ZodType/);
    // The minifier writes the table's keys and strings its own way: compare them unquoted.
    const plain = code.replace(/[`'"]/g, '');
    for (const [channel, { roles, public: open }] of Object.entries(channelAccess())) {
      expect(plain, channel).toContain(`${channel}:{roles:[${roles.join(',')}]`);
      expect(plain.includes(`${channel}:{roles:[${roles.join(',')}],public:!0}`), channel).toBe(
        open,
      );
    }
  });
});
