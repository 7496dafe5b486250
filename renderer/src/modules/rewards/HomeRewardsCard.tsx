import { Button, Card, Col, Flex, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/queries';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { ReasonCell, StateTag } from './record-labels';
import { goRewards } from './route';

/** How many of the oldest waiting proposals, and of one's latest, the home page names. */
const TOP = 4;

/**
 * The home page's 奖惩 card: a manager sees how many proposals wait for them and the oldest few,
 * each a click from its record; a supervisor sees the state of what they proposed.
 */
export function HomeRewardsCard() {
  const { t } = useTranslation('rewards');
  const dates = useDateFormat();
  const approves = useSession((s) => s.can('rewards.records.approve'));
  const queue = useQuery('rewards.queue', {});
  const waiting = queue.data?.waiting ?? [];
  const mine = queue.data?.mine ?? [];
  const count = (state: 'proposed' | 'approved' | 'rejected') =>
    mine.filter((r) => r.state === state).length;

  return (
    <Card
      title={t('rewards.home.title')}
      loading={!queue.data && !queue.error}
      data-testid="home-rewards"
      extra={
        <Space>
          {approves && (
            <Button onClick={() => goRewards({ tab: 'queue' })}>{t('rewards.home.goQueue')}</Button>
          )}
          {!approves && (
            <Button onClick={() => goRewards({ tab: 'propose' })}>
              {t('rewards.home.goPropose')}
            </Button>
          )}
        </Space>
      }
    >
      {approves ? (
        waiting.length === 0 ? (
          <Typography.Text type="secondary">{t('rewards.home.noneWaiting')}</Typography.Text>
        ) : (
          <Row gutter={24}>
            <Col span={6}>
              <Statistic
                title={t('rewards.home.waiting')}
                value={waiting.length}
                styles={{ content: { color: '#d46b08' } }}
              />
            </Col>
            <Col span={18}>
              <Typography.Text strong>{t('rewards.home.oldest')}</Typography.Text>
              <List
                size="small"
                dataSource={waiting.slice(0, TOP)}
                renderItem={(r) => (
                  <List.Item>
                    <Typography.Link onClick={() => goRewards({ tab: 'queue', record: r.id })}>
                      <Flex gap={8} align="center" wrap>
                        <span>
                          {dates.day(r.eventDate)} · {r.staffName}
                        </span>
                        <ReasonCell record={r} />
                        {r.redLine && <Tag>{`${r.approvals}/${r.approvalsNeeded}`}</Tag>}
                      </Flex>
                    </Typography.Link>
                  </List.Item>
                )}
              />
            </Col>
          </Row>
        )
      ) : mine.length === 0 ? (
        <Typography.Text type="secondary">{t('rewards.home.mineNone')}</Typography.Text>
      ) : (
        <Row gutter={24}>
          <Col span={6}>
            <Space orientation="vertical">
              <Statistic title={t('rewards.home.minePending')} value={count('proposed')} />
              <Space size="large">
                <Statistic title={t('rewards.home.mineApproved')} value={count('approved')} />
                <Statistic title={t('rewards.home.mineRejected')} value={count('rejected')} />
              </Space>
            </Space>
          </Col>
          <Col span={18}>
            <Typography.Text strong>{t('rewards.home.mineTitle')}</Typography.Text>
            <List
              size="small"
              dataSource={mine.slice(0, TOP)}
              renderItem={(r) => (
                <List.Item>
                  <Typography.Link onClick={() => goRewards({ tab: 'propose', record: r.id })}>
                    <Flex gap={8} align="center" wrap>
                      <span>
                        {dates.day(r.eventDate)} · {r.staffName}
                      </span>
                      <ReasonCell record={r} />
                      <StateTag record={r} />
                    </Flex>
                  </Typography.Link>
                </List.Item>
              )}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
