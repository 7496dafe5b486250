import { Alert, Button, Card, List, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, write } from '../../api/queries';
import { useErrorText } from '../../components/errors';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { formatBytes } from './BackupsPage';

/** Shown instead of a crash when the database file is damaged: offers the newest good backup. */
export function RecoveryScreen() {
  const { t } = useTranslation('backups');
  const { errorText } = useErrorText();
  const dates = useDateFormat();
  const load = useSession((s) => s.load);
  const status = useQuery('backups.recovery.status', {});
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const backups = status.data?.backups ?? [];

  const restore = async (name: string) => {
    setBusy(name);
    const result = await write('backups.recovery.restore', { name });
    setBusy(undefined);
    if (result.ok) void load();
    else setError(errorText(result.error));
  };

  return (
    <div
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f7fa' }}
    >
      <Card style={{ width: 640 }}>
        <Result
          status="warning"
          title={t('recovery.title')}
          subTitle={<div style={{ maxWidth: 520, margin: '0 auto' }}>{t('recovery.body')}</div>}
        />
        {status.data?.problem && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('recovery.detail', { detail: status.data.problem })}
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {backups.length === 0 && !status.loading ? (
          <Alert type="error" showIcon title={t('recovery.noBackups')} />
        ) : (
          <List
            loading={status.loading}
            dataSource={backups}
            renderItem={(b, index) => (
              <List.Item
                actions={[
                  <Button
                    key="restore"
                    type={index === 0 ? 'primary' : 'default'}
                    loading={busy === b.name}
                    onClick={() => void restore(b.name)}
                  >
                    {index === 0 ? t('recovery.restoreNewest') : t('backups.restore')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={dates.dateTime(b.takenAt)}
                  description={`${t(`backups.reasons.${b.reason}`)} · ${formatBytes(b.bytes)}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
