import { Table, Tag, Typography, type TablePaginationConfig } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverRow } from '../../../../shared/contract';
import { useDateFormat } from '../../format';
import { StateTag } from './labels';
import { useHandoverRefs } from './refs';

/** Handovers as rows: the log, the incoming list and the lead's own drafts. A row opens the handover. */
export function HandoverRows<R extends HandoverRow>({
  rows,
  loading,
  empty,
  pagination = false,
  below,
  onOpen,
}: {
  rows: R[];
  loading: boolean;
  empty: ReactNode;
  pagination?: TablePaginationConfig | false;
  /** A line under a row (the log's search: the passage that matched); none when it gives null. */
  below?: (row: R) => ReactNode;
  onOpen: (row: R) => void;
}) {
  const { t } = useTranslation('handover');
  const dates = useDateFormat();
  const { shiftName, teamLabel } = useHandoverRefs();
  const at = (iso: string | null) => (iso ? dates.time(iso) : '—');

  return (
    <Table<R>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      expandable={
        below && {
          showExpandColumn: false,
          expandedRowKeys: rows.filter((r) => below(r) !== null).map((r) => r.id),
          expandedRowRender: (row) => (
            <div onClick={() => onOpen(row)} style={{ cursor: 'pointer' }}>
              {below(row)}
            </div>
          ),
        }
      }
      locale={{ emptyText: empty }}
      onRow={(row) => ({
        onClick: () => onOpen(row),
        style: { cursor: 'pointer' },
      })}
      rowClassName={(row) => (row.overdueItems > 0 ? 'handover-row-overdue' : '')}
      columns={[
        {
          title: t('handover.list.instance'),
          key: 'instance',
          render: (_, row) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              <Typography.Link>
                {dates.full(row.date)} {shiftName(row.shiftTypeId)}
              </Typography.Link>
            </span>
          ),
        },
        {
          title: t('handover.sheet.team'),
          key: 'team',
          render: (_, row) => teamLabel(row.teamId, row.teamName),
        },
        {
          title: t('fields.status'),
          key: 'state',
          render: (_, row) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              <StateTag state={row.state} />
              {row.ackLate && <Tag color="red">{t('handover.ackLate')}</Tag>}
            </span>
          ),
        },
        { title: t('handover.sheet.outgoing'), dataIndex: 'outgoingName' },
        {
          title: t('handover.sheet.incoming'),
          dataIndex: 'incomingName',
          render: (name: string | null) => name ?? '—',
        },
        {
          title: t('handover.list.openItems'),
          key: 'items',
          render: (_, row) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {row.openItems}
              {row.overdueItems > 0 && (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  {t('handover.list.overdueCount', { count: row.overdueItems })}
                </Tag>
              )}
            </span>
          ),
        },
        {
          title: t('handover.sheet.submittedAt'),
          key: 'submittedAt',
          render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{at(row.submittedAt)}</span>,
        },
        {
          title: t('handover.sheet.acknowledgedAt'),
          key: 'acknowledgedAt',
          render: (_, row) => (
            <span style={{ whiteSpace: 'nowrap' }}>{at(row.acknowledgedAt)}</span>
          ),
        },
      ]}
    />
  );
}
