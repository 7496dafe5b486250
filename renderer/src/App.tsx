import {
  CalendarOutlined,
  ClockCircleOutlined,
  HomeOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App as AntApp, ConfigProvider, Layout, Menu, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf, type Language } from './i18n';
import { HomePage } from './pages/HomePage';
import { RosterPage } from './pages/RosterPage';
import { SchedulePage } from './pages/SchedulePage';
import { ShiftTypesPage } from './pages/ShiftTypesPage';
import { TeamsPage } from './pages/TeamsPage';
import { useUi, type Page } from './stores/ui';

const PAGE_VIEWS: Record<Page, { icon: React.ReactNode; view: () => React.ReactNode }> = {
  home: { icon: <HomeOutlined />, view: () => <HomePage /> },
  schedule: { icon: <CalendarOutlined />, view: () => <SchedulePage /> },
  roster: { icon: <UserOutlined />, view: () => <RosterPage /> },
  teams: { icon: <TeamOutlined />, view: () => <TeamsPage /> },
  shiftTypes: { icon: <ClockCircleOutlined />, view: () => <ShiftTypesPage /> },
};

export function App() {
  const { t } = useTranslation();
  const { page, go, language, setLanguage } = useUi();

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
      <AntApp>
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
              selectedKeys={[page]}
              onClick={({ key }) => go(key as Page)}
              items={(Object.keys(PAGE_VIEWS) as Page[]).map((key) => ({
                key,
                icon: PAGE_VIEWS[key].icon,
                label: t(`nav.${key}`),
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
                {t(`nav.${page}`)}
              </Typography.Title>
              <Segmented
                aria-label={t('lang.label')}
                value={language}
                onChange={(value) => setLanguage(value as Language)}
                options={[
                  { value: 'zh-CN', label: t('lang.zh') },
                  { value: 'en-US', label: t('lang.en') },
                ]}
              />
            </Layout.Header>
            <Layout.Content style={{ padding: 24 }}>{PAGE_VIEWS[page].view()}</Layout.Content>
          </Layout>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
