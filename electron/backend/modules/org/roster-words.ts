import coreEn from '../../../../renderer/src/i18n/en-US.json' with { type: 'json' };
import coreZh from '../../../../renderer/src/i18n/zh-CN.json' with { type: 'json' };
import orgEn from '../../../../renderer/src/modules/org/en-US.json' with { type: 'json' };
import orgZh from '../../../../renderer/src/modules/org/zh-CN.json' with { type: 'json' };
import type { Position, StaffStatus } from '../../../../shared/domain/org';

export type FileLanguage = 'zh-CN' | 'en-US';

const CATALOGS = {
  'zh-CN': { core: coreZh, org: orgZh },
  'en-US': { core: coreEn, org: orgEn },
} as const;

/**
 * The roster's words in a file (headers, positions, statuses): the screen's own, read from the
 * renderer's catalogs so there is no second copy to drift. The one place a file's words are looked
 * up — TODO(merge): switch to the shared export-text helper.
 */
export function rosterWords(language: FileLanguage) {
  const { core, org } = CATALOGS[language];
  return {
    headers: {
      employeeNo: core.fields.employeeNo,
      name: core.fields.name,
      teamId: core.fields.teamId,
      position: org.fields.position,
      seat: org.fields.seat,
      extension: org.fields.extension,
      phone: org.fields.phone,
      hireDate: org.fields.hireDate,
      status: core.fields.status,
    },
    position: (p: Position) => org.position[p],
    status: (s: StaffStatus) => org.status[s],
    sheet: org.nav.roster,
  };
}

/** Every language's header for each column: what an import recognises besides its own aliases. */
export const headerNames = (column: keyof ReturnType<typeof rosterWords>['headers']) =>
  (Object.keys(CATALOGS) as FileLanguage[]).map((l) => rosterWords(l).headers[column]);
