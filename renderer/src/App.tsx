import {
  AuditOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ScheduleOutlined,
  SettingOutlined,
  DatabaseOutlined,
  ClockCircleOutlined,
  HomeOutlined,
  SafetyOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App as AntApp, ConfigProvider, Layout, Menu, Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../shared/contract';
import { useIdleSignOut, UserMenu } from './components/UserMenu';
import { localeOf, type Language } from './i18n';
import { AttendancePage } from './pages/attendance/AttendancePage';
import { AttendanceSettingsPage } from './pages/attendance/AttendanceSettingsPage';
import { RollCallPage } from './pages/attendance/RollCallPage';
import { AuditPage } from './pages/AuditPage';
import { SetupScreen, SignInScreen } from './pages/auth/AuthScreens';
import { RecoveryScreen } from './pages/auth/RecoveryScreen';
import { BackupsPage } from './pages/BackupsPage';
import { HandoverPage } from './pages/handover/HandoverPage';
import { HomePage } from './pages/HomePage';
import { RosterPage } from './pages/RosterPage';
import { SchedulePage } from './pages/SchedulePage';
import { ShiftTypesPage } from './pages/ShiftTypesPage';
import { TeamsPage } from './pages/TeamsPage';
import { UsersPage } from './pages/UsersPage';
import { useSession } from './stores/session';
import { useUi, type Page } from './stores/ui';

/** Each page, and the channel a role must be allowed to call to see it at all. */
const PAGE_VIEWS: Record<
  Page,
  { icon: React.ReactNode; view: () => React.ReactNode; needs: Channel }
> = {
  home: { icon: <HomeOutlined />, view: () => <HomePage />, needs: 'app.info' },
  rollCall: {
    icon: <CheckSquareOutlined />,
    view: () => <RollCallPage />,
    needs: 'attendance.rollCall',
  },
  attendance: {
    icon: <ScheduleOutlined />,
    view: () => <AttendancePage />,
    needs: 'attendance.summary',
  },
  handover: { icon: <SwapOutlined />, view: () => <HandoverPage />, needs: 'handover.list' },
  schedule: {
    icon: <CalendarOutlined />,
    view: () => <SchedulePage />,
    needs: 'org.schedule.week',
  },
  roster: { icon: <UserOutlined />, view: () => <RosterPage />, needs: 'org.staff.list' },
  teams: { icon: <TeamOutlined />, view: () => <TeamsPage />, needs: 'org.teams.list' },
  shiftTypes: {
    icon: <ClockCircleOutlined />,
    view: () => <ShiftTypesPage />,
    needs: 'org.shiftTypes.list',
  },
  attendanceSettings: {
    icon: <SettingOutlined />,
    view: () => <AttendanceSettingsPage />,
    needs: 'attendance.leaveTypes.create',
  },
  users: { icon: <SafetyOutlined />, view: () => <UsersPage />, needs: 'accounts.users.list' },
  audit: { icon: <AuditOutlined />, view: () => <AuditPage />, needs: 'audit.list' },
  backups: { icon: <DatabaseOutlined />, view: () => <BackupsPage />, needs: 'backups.list' },
};

/** The signed-in console: navigation shows only what the user's role may open. */
function Console() {
  const { t } = useTranslation();
  const { page, go, language, setLanguage } = useUi();
  const can = useSession((s) => s.can);
  useIdleSignOut();
  const pages = (Object.keys(PAGE_VIEWS) as Page[]).filter((key) => can(PAGE_VIEWS[key].needs));
  const current = pages.includes(page) ? page : 'home';

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
          selectedKeys={[current]}
          onClick={({ key }) => go(key as Page)}
          items={pages.map((key) => ({ key, icon: PAGE_VIEWS[key].icon, label: t(`nav.${key}`) }))}
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
            {t(`nav.${current}`)}
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
        <Layout.Content style={{ padding: 24 }}>{PAGE_VIEWS[current].view()}</Layout.Content>
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
      <AntApp>
        {phase === 'setup' && <SetupScreen />}
        {phase === 'signedOut' && <SignInScreen />}
        {phase === 'signedIn' && <Console />}
        {phase === 'damaged' && <RecoveryScreen />}
      </AntApp>
    </ConfigProvider>
  );
}
