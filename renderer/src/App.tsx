import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Layout, Menu, Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createElement, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from './api/queries';
import { EmptyState, PageLoading } from './components/PageState';
import { PasteLimitNotice } from './components/PasteLimit';
import { localeOf, type Language } from './i18n';
import { SetupScreen, SignInScreen } from './modules/accounts/AuthScreens';
import { useIdleSignOut, UserMenu } from './modules/accounts/UserMenu';
import { lazyNamed } from './modules/module';
import { HOME_CARDS, NAV, type Page } from './modules';
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

/** The signed-in console: navigation shows only what the user's role may open. */
function Console() {
  const { t } = useTranslation();
  const { page, go, language, setLanguage } = useUi();
  const can = useSession((s) => s.can);
  // A supervisor no team is assigned to has no team data to see: their team pages say why.
  const noTeams = useSession((s) => s.user?.role === 'supervisor' && s.user.teamIds.length === 0);
  useIdleSignOut();
  // The first screen waits for nothing else; the other pages' code follows while the desk reads it.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      for (const entry of [...NAV.map((e) => e.page), ...HOME_CARDS.map((c) => c.card)])
        void entry.preload();
    }, 1000);
    return () => window.clearTimeout(timer);
  }, []);
  const pages = NAV.filter((entry) => can(entry.needs));
  const current = pages.find((entry) => entry.key === page) ?? pages.find((e) => e.key === 'home')!;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '18px 20px 12px' }}>
          <Typography.Title level={5} style={{ margin: 0, whiteSpace: 'nowrap' }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.subtitle')}
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[current.key]}
          onClick={({ key }) => go(key as Page)}
          items={pages.map((entry) => ({
            key: entry.key,
            icon: createElement(entry.icon),
            label: t(`nav.${entry.key}`, { ns: entry.module }),
          }))}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            paddingInline: 24,
          }}
        >
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t(`nav.${current.key}`, { ns: current.module })}
          </Typography.Title>
          <Space size="middle">
            <Segmented
              aria-label={t('lang.label')}
              value={language}
              onChange={(value) => setLanguage(value as Language)}
              options={[
                { value: 'zh-CN', label: t('lang.zh') },
                { value: 'en-US', label: t('lang.en') },
              ]}
            />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<PageLoading />}>
            {current.teamData && noTeams ? (
              <EmptyState title={t('teams.noneTitle')} body={t('teams.noneBody')} />
            ) : (
              createElement(current.page)
            )}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function App() {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const { phase, load } = useSession();

  useEffect(() => {
    void load();
  }, [load]);
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
          {phase === 'signedIn' && <Console />}
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
