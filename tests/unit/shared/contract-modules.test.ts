import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, contractModules, TRANSACTION_KINDS } from '../../../shared/contract';

const maps = Object.entries(contractModules) as [string, Record<string, unknown>][];

describe('the contract, module by module', () => {
  it.each(maps)("prefixes every channel of the %s map with the module's name", (module, map) => {
    const keys = Object.keys(map);
    expect(keys.length).toBeGreaterThan(0);
    for (const channel of keys) expect(channel.startsWith(`${module}.`), channel).toBe(true);
  });

  it('has no channel defined by two maps', () => {
    const seen = new Map<string, string>();
    for (const [module, map] of maps) {
      for (const channel of Object.keys(map)) {
        expect(seen.get(channel), `${channel} in ${module}`).toBeUndefined();
        seen.set(channel, module);
      }
    }
    // Spreading the maps lost nothing: every map's channel is in the contract, once.
    expect(CHANNELS).toEqual(maps.flatMap(([, map]) => Object.keys(map)));
  });

  it('declares a transaction kind on every channel', () => {
    for (const channel of CHANNELS) {
      expect(TRANSACTION_KINDS, channel).toContain(contract[channel].transaction);
    }
  });
});

/**
 * One line per channel: whether it is open before sign-in, its transaction, who may call it. Fixed
 * columns, so a new channel adds a line and changes no other.
 */
function contractLines() {
  return CHANNELS.map((channel) => {
    const def = contract[channel];
    return [
      channel.padEnd(34),
      ('public' in def ? 'public' : 'session').padEnd(7),
      def.transaction.padEnd(5),
      def.roles.join(','),
    ].join('  ');
  });
}

describe('the contract snapshot', () => {
  it('lists every channel with its roles, public flag and transaction kind', async () => {
    const text = [
      '# channel, open before sign-in (public) or not (session), transaction, roles',
      ...contractLines(),
      '',
    ].join('\n');
    await expect(text).toMatchFileSnapshot('__snapshots__/contract-roles.txt');
  });
});
