import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState, LoadError } from '../../components/PageState';
import { HandoverRows } from './HandoverRows';
import { useMyHandovers } from './mine';
import { goHandover } from './route';

/** 待接班: handovers submitted to the signed-in lead, waiting for 接班确认 or a dispute. */
export function IncomingTab() {
  const { t } = useTranslation('handover');
  const list = useMyHandovers('incoming', 'submitted');
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('handover.incoming.intro')}</Typography.Paragraph>
      <HandoverRows
        rows={list.rows}
        loading={list.loading}
        empty={
          <EmptyState
            title={t('handover.incoming.emptyTitle')}
            body={t('handover.incoming.emptyBody')}
          />
        }
        onOpen={(row) => goHandover({ tab: 'incoming', id: row.id })}
      />
    </Card>
  );
}
