import { LANGUAGES, type Language } from '../../../shared/domain/language';
import enUS from './en-US.json';
import zhCN from './zh-CN.json';

export { LANGUAGES, type Language };

/** One namespace's strings in one language: nested sections of texts. */
export type Catalog = { [key: string]: string | Catalog };

/** App-wide strings: the console's name, languages, common words, errors, validation, roles, shared fields. */
export const CORE = 'core';

// Each module's own namespace, named by its folder: modules/handover/zh-CN.json is `handover`.
const moduleFiles = import.meta.glob<Catalog>('../modules/*/*.json', {
  eager: true,
  import: 'default',
});

/** Every namespace's strings, per language: i18next's resources. */
export const resources: Record<Language, Record<string, Catalog>> = {
  'zh-CN': { [CORE]: zhCN },
  'en-US': { [CORE]: enUS },
};
for (const [path, catalog] of Object.entries(moduleFiles)) {
  const [, namespace, language] = /\/modules\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  if (namespace && (LANGUAGES as readonly string[]).includes(language ?? ''))
    resources[language as Language][namespace] = catalog;
}

/** Core first, then the modules: where a screen's `fields.x` label is looked up in the end. */
export const NAMESPACES = [CORE, ...Object.keys(resources['zh-CN']).filter((ns) => ns !== CORE)];

function merge(into: Catalog, from: Catalog): Catalog {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] =
      typeof value === 'object' && typeof existing === 'object'
        ? merge({ ...existing }, value)
        : value;
  }
  return into;
}

/** One language's strings from every namespace in one tree, for checks that read them all. */
export function mergedCatalog(language: Language): Catalog {
  return Object.values(resources[language]).reduce<Catalog>((all, ns) => merge(all, ns), {});
}
