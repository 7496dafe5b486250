import { CloudDownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../shared/contract';
import { errorOf } from '../../api/client';
import { useQuery, writeOrThrow } from '../../api/queries';
import { useErrorText } from '../../components/errors';
import { LoadError } from '../../components/PageState';
import { useDateFormat } from '../../format';

export const formatBytes = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const REASON_COLOR: Record<Backup['reason'], string> = {
  daily: 'blue',
  manual: 'green',
  'pre-migration': 'purple',
  safety: 'orange',
};

export function BackupsPage() {
  const { t } = useTranslation('backups');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const dates = useDateFormat();
  const backups = useQuery('backups.list', {});
  const info = useQuery('app.info', {});
  const [busy, setBusy] = useState<string>();

  const act = async (key: string, work: () => Promise<string>) => {
    setBusy(key);
    try {
      message.success(await work());
    } catch (error) {
      message.error(errorText(errorOf(error)));
    } finally {
      setBusy(undefined);
    }
  };

  if (backups.error) return <LoadError error={backups.error} onRetry={backups.reload} />;
  return (
    <Card
      extra={
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={busy === 'create'}
          onClick={() =>
            void act('create', async () =>
              t('backups.created', { name: (await writeOrThrow('backups.create', {})).name }),
            )
          }
        >
          {t('backups.create')}
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('backups.hint', { dir: info.data ? `${info.data.dataDir}/backups` : '' })}
      />
      <Table<Backup>
        rowKey="name"
        size="small"
        loading={backups.loading}
        dataSource={backups.data ?? []}
        pagination={false}
        columns={[
          {
            title: t('backups.takenAt'),
            dataIndex: 'takenAt',
            width: 190,
            render: (v: string) => dates.dateTime(v),
          },
          {
            title: t('backups.reason'),
            dataIndex: 'reason',
            width: 140,
            render: (r: Backup['reason']) => (
              <Tag color={REASON_COLOR[r]}>{t(`backups.reasons.${r}`)}</Tag>
            ),
          },
          { title: t('backups.size'), dataIndex: 'bytes', width: 100, render: formatBytes },
          {
            title: t('backups.file'),
            dataIndex: 'name',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          {
            title: t('common.actions'),
            width: 120,
            render: (_, b) => (
              <Popconfirm
                title={t('backups.restoreTitle')}
                description={
                  <div style={{ maxWidth: 320 }}>
                    {t('backups.restoreConfirm', { time: dates.dateTime(b.takenAt) })}
                  </div>
                }
                okText={t('backups.restore')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  act(b.name, async () => {
                    const result = await writeOrThrow('backups.restore', { name: b.name });
                    return t('backups.restored', { safety: result.safetyCopy.name });
                  })
                }
              >
                <Button
                  type="link"
                  danger
                  icon={<CloudDownloadOutlined />}
                  loading={busy === b.name}
                >
                  {t('backups.restore')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
