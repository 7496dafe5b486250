import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from 'date-fns';
import { enUS as dateEnUS } from 'date-fns/locale/en-US';
import { zhCN as dateZhCN } from 'date-fns/locale/zh-CN';
import antdEnUS from 'antd/es/locale/en_US';
import antdZhCN from 'antd/es/locale/zh_CN';
import type { Locale as AntdLocale } from 'antd/es/locale';
import { CORE, LANGUAGES, NAMESPACES, resources, type Language } from './catalogs';

export { LANGUAGES, type Language };
const STORAGE_KEY = 'supervisor-console.language';

export function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'zh-CN';
}

export function persistLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

/** Everything that follows the chosen language: texts, Ant Design's own strings, date-fns formats. */
export const localeOf: Record<Language, { antd: AntdLocale; dates: Locale }> = {
  'zh-CN': { antd: antdZhCN, dates: dateZhCN },
  'en-US': { antd: antdEnUS, dates: dateEnUS },
};

void i18n.use(initReactI18next).init({
  resources,
  // A module's screens ask for their namespace (useTranslation('attendance')); what is not there,
  // the app-wide words, errors and validation messages, comes from the core namespace.
  ns: NAMESPACES,
  defaultNS: CORE,
  fallbackNS: CORE,
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = savedLanguage();

export default i18n;
