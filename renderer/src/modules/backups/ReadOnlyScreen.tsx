import { FolderOpenOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/queries';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { formatBytes } from './BackupsPage';

/**
 * Shown when the data folder refuses writes (permissions, a locked-down PC, a read-only disk):
 * which folder, what refused and why, what to ask for, and the backups there. Nothing is damaged,
 * and it says so. "Check again" asks the backend to open the folder once more.
 */
export function ReadOnlyScreen() {
  const { t } = useTranslation('backups');
  const dates = useDateFormat();
  const load = useSession((s) => s.load);
  const status = useQuery('backups.folder.status', {});
  const folder = status.data;

  const checkAgain = async () => {
    status.reload();
    await load();
  };

  return (
    <div
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f7fa' }}
    >
      <Card style={{ width: 720 }}>
        <Result
          status="warning"
          icon={<LockOutlined />}
          title={t('readOnly.title')}
          subTitle={<div style={{ maxWidth: 600, margin: '0 auto' }}>{t('readOnly.body')}</div>}
          extra={
            <Button type="primary" loading={status.loading} onClick={() => void checkAgain()}>
              {t('readOnly.checkAgain')}
            </Button>
          }
        />
        {folder?.problem && (
          <>
            <Typography.Paragraph>
              <FolderOpenOutlined /> {t('readOnly.folder')}
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {folder.folder}
              </Typography.Text>
            </Typography.Paragraph>
            <Alert
              type="info"
              showIcon
              title={t(`readOnly.reasons.${folder.reason}`, {
                defaultValue: t('readOnly.reasons.other', { code: folder.reason }),
                path: folder.path,
              })}
              description={t('readOnly.fix')}
              style={{ marginBottom: 16 }}
            />
            <Typography.Title level={5}>{t('readOnly.backupsTitle')}</Typography.Title>
            {!folder.backupsReadable ? (
              <Alert type="warning" showIcon title={t('readOnly.backupsUnreadable')} />
            ) : folder.backups.length === 0 ? (
              <Typography.Text type="secondary">{t('readOnly.noBackups')}</Typography.Text>
            ) : (
              <>
                <Typography.Paragraph type="secondary">
                  {t('readOnly.backupsHint')}
                </Typography.Paragraph>
                <List
                  size="small"
                  bordered
                  dataSource={folder.backups}
                  style={{ maxHeight: 240, overflow: 'auto' }}
                  renderItem={(b) => (
                    <List.Item>
                      <List.Item.Meta
                        title={dates.dateTime(b.takenAt)}
                        description={`${t(`backups.reasons.${b.reason}`)} · ${formatBytes(b.bytes)} · ${b.name}`}
                      />
                    </List.Item>
                  )}
                />
              </>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
