import { create } from 'zustand';
import i18n, { persistLanguage, savedLanguage, type Language } from '../i18n';
import { NAV, type Page } from '../modules';

export type { Page };

function pageFromHash(): Page {
  const name = /^#\/(\w+)/.exec(window.location.hash)?.[1];
  return NAV.find((entry) => entry.key === name)?.key ?? 'home';
}

interface UiState {
  page: Page;
  language: Language;
  go(page: Page): void;
  setLanguage(language: Language): void;
}

export const useUi = create<UiState>((set) => {
  // Typed or pasted #/page addresses, and the back button, navigate too.
  window.addEventListener('hashchange', () => set({ page: pageFromHash() }));
  return {
    page: pageFromHash(),
    language: savedLanguage(),
    go(page) {
      history.replaceState(null, '', `#/${page}`);
      set({ page });
    },
    setLanguage(language) {
      persistLanguage(language);
      void i18n.changeLanguage(language);
      set({ language });
    },
  };
});
