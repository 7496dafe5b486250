import { WarningFilled } from '@ant-design/icons';
import { Button, Card, Col, Flex, List, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverRow } from '../../../../shared/contract';
import { useQuery } from '../../api/queries';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { CategoryTag, DueTime } from './labels';
import { useMyHandovers } from './mine';
import { HandoverRefsProvider, useHandoverRefs } from './refs';
import { goHandover, type HandoverTab } from './route';
import './handover.css';

/** How many overdue items the home page names; the board has the rest. */
const TOP_OVERDUE = 5;

function HandoverLinks({
  title,
  rows,
  tab,
}: {
  title: string;
  rows: HandoverRow[];
  tab: HandoverTab;
}) {
  const dates = useDateFormat();
  const { shiftName, teamLabel } = useHandoverRefs();
  if (rows.length === 0) return null;
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <List
        size="small"
        dataSource={rows}
        renderItem={(row) => (
          <List.Item>
            <Typography.Link onClick={() => goHandover({ tab, id: row.id })}>
              {dates.full(row.date)} {shiftName(row.shiftTypeId)} ·{' '}
              {teamLabel(row.teamId, row.teamName)} · {row.outgoingName}
            </Typography.Link>
          </List.Item>
        )}
      />
    </div>
  );
}

function Summary() {
  const { t } = useTranslation('handover');
  const signs = useSession((s) => s.can('handover.acknowledge'));
  const items = useQuery('handover.openItems', {});
  const waiting = useMyHandovers('incoming', 'submitted', signs).rows;
  const returned = useMyHandovers('outgoing', 'disputed', signs).rows;

  const open = items.data ?? [];
  const overdue = open.filter((i) => i.overdue).sort((a, b) => b.ageHours - a.ageHours);
  const allClear = open.length === 0 && waiting.length === 0 && returned.length === 0;

  return (
    <Card
      title={t('handover.home.title')}
      loading={!items.data && !items.error}
      data-testid="home-handover"
      extra={
        <Space>
          {signs && (
            <Button onClick={() => goHandover({ tab: 'write' })}>
              {t('handover.home.goWrite')}
            </Button>
          )}
          <Button onClick={() => goHandover({ tab: 'items' })}>{t('handover.home.goItems')}</Button>
        </Space>
      }
    >
      {allClear ? (
        // Nothing to chase: one line, so the day's shifts stay in view.
        <Typography.Text type="secondary">{t('handover.home.allClear')}</Typography.Text>
      ) : (
        <Row gutter={24}>
          <Col span={6}>
            <Statistic title={t('handover.home.openItems')} value={open.length} />
            <Statistic
              style={{ marginTop: 12 }}
              title={t('handover.home.overdueItems')}
              value={overdue.length}
              styles={{ content: { color: overdue.length > 0 ? '#cf1322' : undefined } }}
              prefix={overdue.length > 0 ? <WarningFilled /> : undefined}
            />
          </Col>
          <Col span={18}>
            <Typography.Text strong>{t('handover.home.topOverdue')}</Typography.Text>
            {overdue.length === 0 ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('handover.home.noOverdue')}
              </Typography.Paragraph>
            ) : (
              <List
                size="small"
                dataSource={overdue.slice(0, TOP_OVERDUE)}
                renderItem={(item) => (
                  <List.Item
                    className="handover-home-overdue"
                    onClick={() => goHandover({ tab: 'items' })}
                    style={{ cursor: 'pointer' }}
                  >
                    <Flex gap={8} align="center" style={{ minWidth: 0, width: '100%' }}>
                      <CategoryTag code={item.category} />
                      <Typography.Text type="danger" ellipsis style={{ flex: 1, minWidth: 0 }}>
                        {item.description}
                      </Typography.Text>
                      <DueTime dueAt={item.dueAt} overdue />
                      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                        {item.owner ?? ''}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
            <HandoverLinks title={t('handover.home.waiting')} rows={waiting} tab="incoming" />
            <HandoverLinks title={t('handover.home.returned')} rows={returned} tab="write" />
          </Col>
        </Row>
      )}
    </Card>
  );
}

/** The home page's handover card: open and overdue items, and what waits for the signed-in lead. */
export function HomeHandoverCard() {
  return (
    <HandoverRefsProvider>
      <Summary />
    </HandoverRefsProvider>
  );
}
