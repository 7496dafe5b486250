import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  CloudDownloadOutlined,
  SaveOutlined,
  HddOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../shared/contract';
import { errorOf } from '../../api/client';
import { useQuery, write, writeOrThrow } from '../../api/queries';
import { showFieldErrors, useErrorText } from '../../components/errors';
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
  'pre-close': 'cyan',
  safety: 'orange',
};

/** Its copy in the second folder: checked, failed (and why), or none taken. */
function MirrorTag({ mirror }: { mirror: Backup['mirror'] }) {
  const { t } = useTranslation('backups');
  if (!mirror) return <Typography.Text type="secondary">—</Typography.Text>;
  if (mirror.ok)
    return (
      <Tag color="success" icon={<CheckCircleOutlined />}>
        {t('mirror.copied')}
      </Tag>
    );
  return (
    <Tooltip title={t(`mirror.problems.${mirror.problem ?? 'failed'}`)}>
      <Tag color="error" icon={<CloseCircleOutlined />}>
        {t('mirror.copyFailed')}
      </Tag>
    </Tooltip>
  );
}

/** The second backup folder (a USB drive, a network share): set, checked, and cleared here. */
function MirrorCard() {
  const { t } = useTranslation('backups');
  const { message } = App.useApp();
  const { errorText, issueText } = useErrorText();
  const settings = useQuery('backups.settings', {});
  const [form] = Form.useForm<{ dir: string }>();
  const [busy, setBusy] = useState(false);
  const current = settings.data?.mirrorDir ?? null;

  const save = async (dir: string | null) => {
    setBusy(true);
    const result = await write('backups.setMirror', { dir });
    setBusy(false);
    if (result.ok) {
      settings.setData(result.value);
      form.resetFields();
      message.success(dir ? t('mirror.saved') : t('mirror.cleared'));
    } else if (!showFieldErrors(form, result.error, issueText)) {
      message.error(errorText(result.error));
    }
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          <HddOutlined />
          {t('mirror.title')}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('mirror.hint')}
      </Typography.Paragraph>
      {current && (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          type={settings.data?.reachable ? 'success' : 'warning'}
          title={
            settings.data?.reachable
              ? t('mirror.current', { dir: current })
              : t('mirror.unreachable', { dir: current })
          }
          action={
            <Button size="small" loading={busy} onClick={() => void save(null)}>
              {t('mirror.clear')}
            </Button>
          }
        />
      )}
      <Form
        form={form}
        layout="inline"
        onFinish={({ dir }) => void save(dir ?? '')}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="dir"
          label={t('mirror.folder')}
          style={{ flex: 1, minWidth: 360 }}
          rules={[{ required: true, message: t('mirror.folderRequired') }]}
        >
          <Input placeholder={t('mirror.placeholder')} aria-label={t('mirror.folder')} />
        </Form.Item>
        <Form.Item style={{ marginInlineEnd: 0 }}>
          <Button htmlType="submit" loading={busy}>
            {current ? t('mirror.change') : t('mirror.set')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

export function BackupsPage() {
  const { t } = useTranslation('backups');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const dates = useDateFormat();
  const backups = useQuery('backups.list', {});
  const info = useQuery('app.info', {});
  const [busy, setBusy] = useState<string>();

  const act = async (key: string, work: () => Promise<string | [string, 'warning']>) => {
    setBusy(key);
    try {
      const done = await work();
      if (typeof done === 'string') message.success(done);
      else message.warning(done[0]);
    } catch (error) {
      message.error(errorText(errorOf(error)));
    } finally {
      setBusy(undefined);
    }
  };

  const create = async (): Promise<string | [string, 'warning']> => {
    const backup = await writeOrThrow('backups.create', {});
    const created = t('backups.created', { name: backup.name });
    if (!backup.mirror) return created;
    if (backup.mirror.ok) return `${created}${t('mirror.createdCopied')}`;
    const why = t(`mirror.problems.${backup.mirror.problem ?? 'failed'}`);
    return [`${created}${t('mirror.createdFailed', { why })}`, 'warning'];
  };

  if (backups.error) return <LoadError error={backups.error} onRetry={backups.reload} />;
  return (
    <>
      <MirrorCard />
      <Card
        title={t('backups.listTitle')}
        extra={
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={busy === 'create'}
            onClick={() => void act('create', create)}
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
          locale={{ emptyText: t('backups.empty') }}
          columns={[
            {
              title: t('backups.takenAt'),
              dataIndex: 'takenAt',
              width: 170,
              render: (v: string) => dates.dateTime(v),
            },
            {
              title: t('backups.reason'),
              dataIndex: 'reason',
              width: 130,
              render: (r: Backup['reason']) => (
                <Tag color={REASON_COLOR[r]}>{t(`backups.reasons.${r}`)}</Tag>
              ),
            },
            { title: t('backups.size'), dataIndex: 'bytes', width: 90, render: formatBytes },
            {
              title: t('mirror.column'),
              dataIndex: 'mirror',
              width: 150,
              render: (m: Backup['mirror']) => <MirrorTag mirror={m} />,
            },
            {
              title: t('backups.file'),
              dataIndex: 'name',
              render: (v: string) => (
                <Typography.Text code style={{ overflowWrap: 'anywhere' }}>
                  {v}
                </Typography.Text>
              ),
            },
            {
              title: t('common.actions'),
              width: 110,
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
    </>
  );
}
