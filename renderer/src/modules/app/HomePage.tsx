import { DatabaseOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { createElement, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/domain/time';
import { errorOf } from '../../api/client';
import { useQuery, writeOrThrow } from '../../api/queries';
import { useErrorText } from '../../components/errors';
import { EmptyState, LoadError } from '../../components/PageState';
import { useShiftHoursLabel } from '../../components/ShiftHours';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { HOME_CARDS } from '..';

/** The cards' code, fetched with the page's: the page shows once both are here, cards in place. */
export const homeCardsLoaded = Promise.all(HOME_CARDS.map((c) => c.card.preload()));

function EmptyConsole() {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const go = useUi((s) => s.go);
  const [loading, setLoading] = useState(false);
  const canLoadDemo = useSession((s) => s.can('app.loadDemo'));

  const loadDemo = async () => {
    setLoading(true);
    try {
      const summary = await writeOrThrow('app.loadDemo', {});
      message.success(
        t('home.demoLoaded', {
          teams: summary.teams,
          staff: summary.staff,
          days: summary.scheduleDays,
          records: summary.attendanceRecords,
        }),
      );
    } catch (error) {
      message.error(errorText(errorOf(error)));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Card>
      <EmptyState
        title={t('home.emptyTitle')}
        body={t('home.emptyBody')}
        action={
          <Space orientation="vertical" size="middle" align="center">
            {!canLoadDemo && (
              <Typography.Text type="secondary">{t('home.demoAdminOnly')}</Typography.Text>
            )}
            <Button
              disabled={!canLoadDemo}
              type="primary"
              size="large"
              icon={<DatabaseOutlined />}
              loading={loading}
              onClick={loadDemo}
            >
              {t('home.loadDemo')}
            </Button>
            <Space wrap>
              <Typography.Text type="secondary">{t('home.startOwn')}</Typography.Text>
              <Button type="link" onClick={() => go('teams')}>
                {t('home.stepTeams')}
              </Button>
              <Button type="link" onClick={() => go('roster')}>
                {t('home.stepRoster')}
              </Button>
              <Button type="link" onClick={() => go('schedule')}>
                {t('home.stepSchedule')}
              </Button>
            </Space>
          </Space>
        }
      />
    </Card>
  );
}

export function HomePage() {
  const { t } = useTranslation('app');
  const shiftHours = useShiftHoursLabel();
  const dates = useDateFormat();
  const go = useUi((s) => s.go);
  const today = formatDate(new Date());
  const info = useQuery('app.info', {});
  const day = useQuery('org.schedule.day', { date: today });
  const shiftTypes = useQuery('org.shiftTypes.list', {});
  const teams = useQuery('org.teams.list', {});
  const active = useQuery('org.staff.list', { status: 'active', page: 1, pageSize: 1 });
  const onLeave = useQuery('org.staff.list', { status: 'on_leave', page: 1, pageSize: 1 });
  const can = useSession((s) => s.can);

  if (info.error) return <LoadError error={info.error} onRetry={info.reload} />;
  if (!info.data) return <Card loading />;
  if (info.data.empty) return <EmptyConsole />;

  const shiftById = new Map((shiftTypes.data ?? []).map((s) => [s.id, s]));
  const scheduled = (day.data?.shifts ?? []).reduce((n, s) => n + s.staff.length, 0);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={6}>
          <Card>
            <Statistic title={t('home.activeStaff')} value={active.data?.total ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('home.onLeaveStaff')} value={onLeave.data?.total ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('home.teams')} value={teams.data?.length ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('home.scheduledToday')} value={scheduled} />
          </Card>
        </Col>
      </Row>
      {HOME_CARDS.filter((c) => can(c.needs)).map((c, i) => (
        <Suspense key={i} fallback={<Card loading />}>
          {createElement(c.card)}
        </Suspense>
      ))}
      <Card
        title={`${t('home.todayByShift')} · ${dates.long(today)}`}
        extra={<Button onClick={() => go('schedule')}>{t('home.goSchedule')}</Button>}
        loading={day.loading && !day.data}
      >
        {day.data && day.data.shifts.length === 0 ? (
          <Typography.Text type="secondary">{t('home.noShiftToday')}</Typography.Text>
        ) : (
          <Row gutter={[16, 16]}>
            {(day.data?.shifts ?? []).map((shift) => {
              const type = shiftById.get(shift.shiftTypeId);
              return (
                <Col span={8} key={shift.shiftTypeId}>
                  <Card
                    size="small"
                    type="inner"
                    title={
                      <Space>
                        <Tag color={type?.color}>{type?.name}</Tag>
                        <span>{type ? shiftHours(type) : ''}</span>
                      </Space>
                    }
                    extra={<Typography.Text strong>{shift.staff.length}</Typography.Text>}
                  >
                    <Typography.Paragraph
                      style={{ marginBottom: 0 }}
                      ellipsis={{ rows: 4, expandable: true, symbol: '…' }}
                    >
                      {shift.staff.map((s, i) => (
                        // A name never breaks across lines.
                        <span key={s.id} style={{ whiteSpace: 'nowrap' }}>
                          {s.name}
                          {i < shift.staff.length - 1 ? '、' : ''}
                        </span>
                      ))}
                    </Typography.Paragraph>
                  </Card>
                </Col>
              );
            })}
          </Row>
        )}
        {day.data && day.data.resting > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('home.restToday', { count: day.data.resting })}
          </Typography.Paragraph>
        )}
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('home.dataDir', { dir: info.data.dataDir })}
      </Typography.Text>
    </Space>
  );
}
