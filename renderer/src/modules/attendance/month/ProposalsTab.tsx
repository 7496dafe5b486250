import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PenaltyProposal } from '../../../../../shared/contract';
import { useQuery, write } from '../../../api/queries';
import { useErrorText } from '../../../components/errors';
import { LoadError } from '../../../components/PageState';
import { useDateFormat } from '../../../format';
import { useSession } from '../../../stores/session';
import { goRewards } from '../../rewards/route';
import { StatusTag } from '../status';

/**
 * 处罚建议: what the attendance rules proposed this month (K late arrivals, every 旷工), with the
 * records behind each. A supervisor or manager files the month's open ones as 奖惩 proposals;
 * managers approve them in the 奖惩 queue.
 */
export function ProposalsTab({
  month,
  staffIds,
}: {
  month: string;
  /** The people of the chosen team; undefined shows everyone's. */
  staffIds: Set<number> | undefined;
}) {
  const { t } = useTranslation('attendance');
  const dates = useDateFormat();
  const proposals = useQuery('attendance.proposals', { month });
  const rules = useQuery('attendance.rules', {});
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const canFile = useSession((s) => s.can('rewards.fromAttendance'));
  const approves = useSession((s) => s.can('rewards.records.approve'));
  const [filing, setFiling] = useState(false);
  const file = async () => {
    setFiling(true);
    const result = await write('rewards.fromAttendance', { month });
    setFiling(false);
    if (!result.ok) message.error(errorText(result.error));
    else if (result.value.created === 0) message.info(t('attendance.proposals.nothingToFile'));
    else message.success(t('attendance.proposals.filed', { count: result.value.created }));
  };
  if (proposals.error) return <LoadError error={proposals.error} onRetry={proposals.reload} />;
  const rows = (proposals.data ?? []).filter((p) => !staffIds || staffIds.has(p.staffId));

  return (
    <div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={
          rules.data?.lateCountForPenalty
            ? t('attendance.proposals.hint', { count: rules.data.lateCountForPenalty })
            : t('attendance.proposals.hintNoLate')
        }
        action={
          <Space>
            {canFile && (
              <Button
                type="primary"
                size="small"
                icon={<SendOutlined />}
                loading={filing}
                disabled={rows.every((p) => p.state !== 'proposed')}
                onClick={() => void file()}
              >
                {t('attendance.proposals.file')}
              </Button>
            )}
            {approves && (
              <Button size="small" onClick={() => goRewards({ tab: 'queue' })}>
                {t('attendance.proposals.goQueue')}
              </Button>
            )}
          </Space>
        }
      />
      <Table<PenaltyProposal>
        rowKey="id"
        size="small"
        loading={proposals.loading}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        locale={{
          emptyText: (
            <Typography.Text type="secondary">{t('attendance.proposals.empty')}</Typography.Text>
          ),
        }}
        columns={[
          {
            title: t('fields.staffId'),
            width: 160,
            render: (_, p) => `${p.name} · ${p.employeeNo}`,
          },
          {
            title: t('attendance.proposals.rule'),
            width: 200,
            render: (_, p) =>
              p.rule === 'late_count'
                ? t('attendance.proposals.lateCount', {
                    count: p.evidence.length,
                    limit: rules.data?.lateCountForPenalty ?? p.evidence.length,
                  })
                : p.rule === 'missing_punch_count'
                  ? t('attendance.proposals.missingPunchCount', {
                      count: p.evidence.length,
                      limit: rules.data?.missingPunchCountForPenalty ?? p.evidence.length,
                    })
                  : t('attendance.proposals.absence'),
          },
          {
            title: t('attendance.proposals.evidence'),
            render: (_, p) => (
              <Space size={[4, 4]} wrap>
                {p.evidence.map((e) => (
                  <StatusTag key={e.recordId} status={e.status}>
                    {` ${dates.day(e.date)}`}
                  </StatusTag>
                ))}
              </Space>
            ),
          },
          {
            title: t('fields.status'),
            width: 100,
            render: (_, p) => (
              <Tag color={p.state === 'proposed' ? 'orange' : 'default'}>
                {t(`attendance.proposals.${p.state}`)}
              </Tag>
            ),
          },
          {
            title: t('attendance.proposals.createdAt'),
            width: 130,
            render: (_, p) => dates.time(p.createdAt),
          },
        ]}
      />
    </div>
  );
}
