import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from './api/queries';
import { PageLoading } from './components/PageState';
import { PasteLimitNotice } from './components/PasteLimit';
import { localeOf } from './i18n';
import { SetupScreen, SignInScreen } from './modules/accounts/AuthScreens';
import { lazyNamed } from './modules/module';
import { useSession } from './stores/session';
import { useUi } from './stores/ui';

/** Shown only when the database file is damaged: loaded then, not with every start. */
const RecoveryScreen = lazyNamed(
  () => import('./modules/backups/RecoveryScreen'),
  'RecoveryScreen',
);

/** Shown only when the data folder refuses writes. */
const ReadOnlyScreen = lazyNamed(
  () => import('./modules/backups/ReadOnlyScreen'),
  'ReadOnlyScreen',
);

/**
 * The signed-in console (menu, header, pages): its code follows the sign-in screen instead of
 * coming with it, so the first screen's script carries only what signing in needs.
 */
const Console = lazyNamed(() => import('./Console'), 'Console');

export function App() {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const { phase, load } = useSession();

  useEffect(() => {
    void load();
  }, [load]);
  // While someone types their password, the console's code arrives: signing in waits for nothing.
  useEffect(() => {
    if (phase !== 'signedOut' && phase !== 'setup') return;
    const timer = window.setTimeout(() => void Console.preload(), 500);
    return () => window.clearTimeout(timer);
  }, [phase]);
  useEffect(() => {
    dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
    document.title = t('app.title');
  }, [language, t]);

  return (
    <ConfigProvider
      locale={localeOf[language].antd}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
      button={{ autoInsertSpace: false }}
    >
      <QueryClientProvider client={queryClient}>
        <AntApp>
          <PasteLimitNotice />
          {phase === 'setup' && <SetupScreen />}
          {phase === 'signedOut' && <SignInScreen />}
          {phase === 'signedIn' && (
            <Suspense fallback={<PageLoading />}>
              <Console />
            </Suspense>
          )}
          {phase === 'damaged' && (
            <Suspense fallback={<PageLoading />}>
              <RecoveryScreen />
            </Suspense>
          )}
          {phase === 'readOnly' && (
            <Suspense fallback={<PageLoading />}>
              <ReadOnlyScreen />
            </Suspense>
          )}
        </AntApp>
      </QueryClientProvider>
    </ConfigProvider>
  );
}
