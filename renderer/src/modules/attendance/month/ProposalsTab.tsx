import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PenaltyProposal } from '../../../../../shared/contract';
import { useQuery } from '../../../api/queries';
import { LoadError } from '../../../components/PageState';
import { useDateFormat } from '../../../format';
import { StatusTag } from '../status';

/**
 * 处罚建议: what the attendance rules proposed this month (K late arrivals, every 旷工), with the
 * records behind each. Approving them belongs to the rewards and penalties module.
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
