import { Layout, Menu, Segmented, Space, Typography } from 'antd';
import { createElement, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, PageLoading } from './components/PageState';
import type { Language } from './i18n';
import { useIdleSignOut, UserMenu } from './modules/accounts/UserMenu';
import { HOME_CARDS, NAV, type Page } from './modules';
import { useSession } from './stores/session';
import { useUi } from './stores/ui';

/** The signed-in console: navigation shows only what the user's role may open. */
export function Console() {
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
