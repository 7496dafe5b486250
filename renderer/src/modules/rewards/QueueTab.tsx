import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { useQuery, write } from '../../api/queries';
import { useErrorText } from '../../components/errors';
import { EmptyState, LoadError } from '../../components/PageState';
import { useDateFormat } from '../../format';
import { EvidenceChips } from './EvidenceChip';
import { PointsText, ReasonCell, useRecordNames, yuanText } from './record-labels';
import { goRewards, useRewardsRoute } from './route';

type Waiting = Output<'rewards.queue'>['waiting'][number];

const PAGE = 20;

/**
 * 审批: what waits for the signed-in manager (or, for a red line's second approval, admin),
 * oldest first — by hand or from the attendance rules, its evidence one click away. A row opens
 * the record; several selected are approved together (a red line's first approval leaves it
 * waiting for its second).
 */
export function QueueTab() {
  const { t } = useTranslation('rewards');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const dates = useDateFormat();
  const names = useRecordNames();
  const route = useRewardsRoute();
  const queue = useQuery('rewards.queue', {});
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  if (queue.error) return <LoadError error={queue.error} onRetry={queue.reload} />;
  const rows = queue.data?.waiting ?? [];
  const chosen = selected.filter((id) => rows.some((r) => r.id === id));

  const approveSelected = async () => {
    setBusy(true);
    setRefusal(undefined);
    const result = await write('rewards.records.approveMany', { ids: chosen });
    setBusy(false);
    if (result.ok) {
      setSelected([]);
      message.success(t('rewards.queue.approvedMany', result.value));
    } else {
      // All or none: the refused one is named by its place in the list.
      const at = /^ids\.(\d+)$/.exec(result.error.field ?? '')?.[1];
      const row = at === undefined ? undefined : rows.find((r) => r.id === chosen[Number(at)]);
      setRefusal(
        row
          ? t('rewards.queue.refusedOne', {
              person: row.staffName,
              date: dates.day(row.eventDate),
              why: errorText(result.error),
            })
          : errorText(result.error),
      );
    }
  };

  return (
    <Card
      title={t('rewards.queue.title')}
      extra={
        <Space>
          {chosen.length > 0 && (
            <Typography.Text type="secondary">
              {t('rewards.queue.selected', { count: chosen.length })}
            </Typography.Text>
          )}
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={chosen.length === 0}
            loading={busy}
            onClick={() => void approveSelected()}
          >
            {t('rewards.queue.approveSelected')}
          </Button>
        </Space>
      }
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(undefined)}
          title={t('rewards.queue.refused')}
          description={refusal}
          style={{ marginBottom: 12 }}
        />
      )}
      {queue.data && rows.length === 0 ? (
        <EmptyState title={t('rewards.queue.emptyTitle')} body={t('rewards.queue.emptyBody')} />
      ) : (
        <Table<Waiting>
          rowKey="id"
          size="small"
          loading={queue.loading}
          dataSource={rows}
          pagination={rows.length > PAGE ? { pageSize: PAGE, showSizeChanger: false } : false}
          rowSelection={{
            selectedRowKeys: chosen,
            onChange: (keys) => setSelected(keys.map(Number)),
          }}
          onRow={(r) => ({
            // The selection box selects; anywhere else on the row opens the record.
            onClick: (e) => {
              if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
              goRewards({ ...route, record: r.id });
            },
            style: { cursor: 'pointer' },
          })}
          columns={[
            {
              title: t('rewards.fields.person'),
              width: 130,
              render: (_, r) => (
                <div>
                  <div>
                    {r.staffName} · {r.employeeNo}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.teamName ?? t('rewards.file.noTeam')}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('rewards.fields.eventDate'),
              width: 90,
              render: (_, r) => dates.day(r.eventDate),
            },
            {
              title: t('rewards.fields.reason'),
              width: 150,
              render: (_, r) => <ReasonCell record={r} />,
            },
            { title: t('rewards.fields.type'), width: 90, render: (_, r) => names.type(r) },
            {
              title: t('rewards.fields.points'),
              width: 60,
              align: 'right',
              render: (_, r) => <PointsText points={r.points} />,
            },
            {
              title: t('rewards.queue.amount'),
              width: 80,
              align: 'right',
              render: (_, r) => yuanText(r.amountFen),
            },
            {
              title: t('rewards.queue.proposer'),
              width: 100,
              render: (_, r) => (
                <div>
                  <div>{r.proposedBy}</div>
                  <Tag color={r.source === 'attendance' ? 'blue' : undefined}>
                    {t(`rewards.record.sources.${r.source}`)}
                  </Tag>
                </div>
              ),
            },
            {
              title: t('rewards.queue.approvals'),
              width: 76,
              render: (_, r) =>
                r.redLine ? (
                  <Tag color={r.approvals > 0 ? 'orange' : 'red'}>
                    {`${r.approvals}/${r.approvalsNeeded}`}
                  </Tag>
                ) : (
                  '—'
                ),
            },
            {
              title: t('rewards.record.evidence'),
              render: (_, r) => <EvidenceChips items={r.evidence} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
