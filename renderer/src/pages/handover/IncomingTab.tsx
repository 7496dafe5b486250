import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { EmptyState, LoadError } from '../../components/PageState';
import { useSession } from '../../stores/session';
import { HandoverRows } from './HandoverRows';
import { goHandover } from './route';

/** 待接班: handovers submitted to the signed-in lead, waiting for 接班确认 or a dispute. */
export function IncomingTab() {
  const { t } = useTranslation();
  const me = useSession((s) => s.user);
  const list = useQuery(
    'handover.list',
    me ? { userId: me.id, state: 'submitted', page: 1, pageSize: 100 } : null,
  );
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  const rows = (list.data?.rows ?? []).filter((r) => r.incomingUserId === me?.id);

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('handover.incoming.intro')}</Typography.Paragraph>
      <HandoverRows
        rows={rows}
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
