import { createInstance, type TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/language';
import { monthLabel } from '../../../shared/domain/time';
import coreEn from '../../../renderer/src/i18n/en-US.json' with { type: 'json' };
import coreZh from '../../../renderer/src/i18n/zh-CN.json' with { type: 'json' };
import attendanceEn from '../../../renderer/src/modules/attendance/en-US.json' with { type: 'json' };
import attendanceZh from '../../../renderer/src/modules/attendance/zh-CN.json' with { type: 'json' };
import auditEn from '../../../renderer/src/modules/audit/en-US.json' with { type: 'json' };
import auditZh from '../../../renderer/src/modules/audit/zh-CN.json' with { type: 'json' };
import handoverEn from '../../../renderer/src/modules/handover/en-US.json' with { type: 'json' };
import handoverZh from '../../../renderer/src/modules/handover/zh-CN.json' with { type: 'json' };
import orgEn from '../../../renderer/src/modules/org/en-US.json' with { type: 'json' };
import orgZh from '../../../renderer/src/modules/org/zh-CN.json' with { type: 'json' };
import rewardsEn from '../../../renderer/src/modules/rewards/en-US.json' with { type: 'json' };
import rewardsZh from '../../../renderer/src/modules/rewards/zh-CN.json' with { type: 'json' };

/**
 * The words of exported files, in one language — the user's — taken from the screens' own i18n
 * catalogs, so a file's header reads exactly like the screen's column and nothing is translated
 * twice. Each exporting module's namespace is listed here once; the app-wide words (core) fill
 * in what a module does not say.
 */
const resources = {
  'zh-CN': {
    core: coreZh,
    attendance: attendanceZh,
    audit: auditZh,
    handover: handoverZh,
    org: orgZh,
    rewards: rewardsZh,
  },
  'en-US': {
    core: coreEn,
    attendance: attendanceEn,
    audit: auditEn,
    handover: handoverEn,
    org: orgEn,
    rewards: rewardsEn,
  },
} as const;
export type ExportNamespace = Exclude<keyof (typeof resources)['zh-CN'], 'core'>;

const instances = new Map<Language, ReturnType<typeof createInstance>>();
function instance(language: Language) {
  let i18n = instances.get(language);
  if (!i18n) {
    i18n = createInstance();
    void i18n.init({
      resources,
      lng: language,
      fallbackLng: false,
      ns: Object.keys(resources[language]),
      defaultNS: 'core',
      fallbackNS: 'core',
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    instances.set(language, i18n);
  }
  return i18n;
}

/** A module's words in one language (its namespace first, then core), and the month as it writes it. */
export function moduleText(language: Language, namespace: ExportNamespace) {
  const t: TFunction = instance(language).getFixedT(language, namespace);
  return { t, language, month: (month: string) => monthLabel(month, language) };
}
export type ExportText = ReturnType<typeof moduleText>;
