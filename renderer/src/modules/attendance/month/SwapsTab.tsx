import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/contract';
import { useQuery } from '../../../api/queries';
import { LoadError } from '../../../components/PageState';
import { useDateFormat, usePersonName } from '../../../format';

type Swap = Output<'attendance.swaps'>[number];

/** 调班记录: the month's swaps, who approved them and why. */
export function SwapsTab({
  month,
  staffIds,
}: {
  month: string;
  /** The people of the chosen team; undefined shows everyone's. */
  staffIds: Set<number> | undefined;
}) {
  const { t } = useTranslation('attendance');
  const dates = useDateFormat();
  const personName = usePersonName();
  const swaps = useQuery('attendance.swaps', { month });
  if (swaps.error) return <LoadError error={swaps.error} onRetry={swaps.reload} />;
  const rows = (swaps.data ?? []).filter(
    (s) => !staffIds || staffIds.has(s.staffAId) || staffIds.has(s.staffBId),
  );

  return (
    <Table<Swap>
      rowKey="id"
      size="small"
      loading={swaps.loading}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50 } : false}
      locale={{
        emptyText: (
          <Typography.Text type="secondary">{t('attendance.swaps.empty')}</Typography.Text>
        ),
      }}
      columns={[
        {
          title: t('attendance.swap.kind'),
          width: 90,
          render: (_, s) =>
            s.dates.length > 1 ? (
              <Tag color="geekblue">{t('attendance.swap.trade')}</Tag>
            ) : (
              <Tag color="blue">{t('attendance.swap.exchange')}</Tag>
            ),
        },
        {
          title: t('attendance.swaps.people'),
          width: 180,
          render: (_, s) =>
            `${personName({ name: s.staffAName, employeeNo: s.staffAEmployeeNo })} ⇄ ${personName({ name: s.staffBName, employeeNo: s.staffBEmployeeNo })}`,
        },
        {
          title: t('fields.dates'),
          width: 200,
          render: (_, s) => s.dates.map((d) => dates.day(d)).join('、'),
        },
        { title: t('fields.reason'), dataIndex: 'reason' },
        { title: t('attendance.swaps.approvedBy'), dataIndex: 'approvedBy', width: 110 },
        {
          title: t('attendance.swaps.approvedAt'),
          width: 130,
          render: (_, s) => dates.time(s.approvedAt),
        },
      ]}
    />
  );
}
