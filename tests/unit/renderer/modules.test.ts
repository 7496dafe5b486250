import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/contract';
import { LANGUAGES, resources, type Catalog } from '../../../renderer/src/i18n/catalogs';
import { ALL_MODULES, NAV } from '../../../renderer/src/modules';
import { affectedBy } from '../../../renderer/src/modules/affects';

const keysOf = (catalog: Catalog, prefix = ''): string[] =>
  Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keysOf(value, `${prefix}${key}.`),
  );

describe('renderer modules', () => {
  it('give every page one address, gated by a channel that exists', () => {
    const keys = NAV.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of NAV) expect(CHANNELS, entry.key).toContain(entry.needs);
  });

  it('name each module by its channels and give it strings in both languages, key for key', () => {
    for (const module of ALL_MODULES) {
      expect(
        CHANNELS.some((c) => c.startsWith(`${module.name}.`)),
        module.name,
      ).toBe(true);
      const [zh, en] = LANGUAGES.map((language) => resources[language][module.name]);
      expect(zh, module.name).toBeDefined();
      expect(keysOf(en!).sort(), module.name).toEqual(keysOf(zh!).sort());
    }
    expect(keysOf(resources['en-US'].core!).sort()).toEqual(
      keysOf(resources['zh-CN'].core!).sort(),
    );
  });

  it('label every page of the menu in its module, in both languages', () => {
    for (const language of LANGUAGES)
      for (const entry of NAV) {
        const nav = resources[language][entry.module]?.nav;
        expect(typeof nav === 'object' && typeof nav[entry.key], `${language} ${entry.key}`).toBe(
          'string',
        );
      }
  });

  it('reload after a write what its module declares, else that module', () => {
    expect(affectedBy('handover.save')).toEqual([
      'handover.get',
      'handover.list',
      'handover.openItems',
    ]);
    expect(affectedBy('handover.updateSettings')).toEqual(['handover.']);
    expect(affectedBy('audit.export')).toEqual(['audit.']);
    expect(affectedBy('org.staff.create')).toEqual(['org.', 'attendance.', 'handover.']);
    // The longest pattern wins: a swap also moves the schedule, a correction does not.
    expect(affectedBy('attendance.swap')).toContain('org.schedule.');
    expect(affectedBy('attendance.correct')).not.toContain('org.schedule.');
    expect(affectedBy('accounts.users.create')).toContain('handover.leads');
    expect(affectedBy('accounts.changePassword')).toEqual(['accounts.']);
    // Demo data and a restore change every module.
    for (const channel of ['app.loadDemo', 'backups.restore', 'backups.recovery.restore'] as const)
      expect(affectedBy(channel), channel).toEqual(['*']);
    expect(affectedBy('backups.create')).toEqual(['backups.']);
  });
});
