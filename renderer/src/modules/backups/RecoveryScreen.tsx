import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, List, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../shared/contract';
import { useQuery, write } from '../../api/queries';
import { ClearFixedErrors } from '../../components/ClearFixedErrors';
import { showFieldErrors, useErrorText } from '../../components/errors';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { formatBytes } from './BackupsPage';

/**
 * Shown instead of a crash when the database file is damaged: offers the checked backups that
 * have an administrator, and restores one only with that administrator's username and password
 * (as the backup holds them), so the screen makes no one an administrator.
 */
export function RecoveryScreen() {
  const { t } = useTranslation('backups');
  const { errorText, issueText } = useErrorText();
  const dates = useDateFormat();
  const load = useSession((s) => s.load);
  const status = useQuery('backups.recovery.status', {});
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [chosen, setChosen] = useState<Backup>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const backups = status.data?.backups ?? [];

  const choose = (backup: Backup | undefined) => {
    setChosen(backup);
    setError(undefined);
    form.resetFields();
  };

  const restore = async ({ username = '', password = '' }) => {
    if (!chosen) return;
    setBusy(true);
    setError(undefined);
    const result = await write('backups.recovery.restore', {
      name: chosen.name,
      username,
      password,
    });
    setBusy(false);
    if (result.ok) return void load();
    form.setFieldValue('password', '');
    if (!showFieldErrors(form, result.error, issueText)) setError(errorText(result.error));
  };

  return (
    <div
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f7fa' }}
    >
      <Card style={{ width: 640, margin: '24px 0' }}>
        <Result
          status="warning"
          title={t('recovery.title')}
          subTitle={<div style={{ maxWidth: 520, margin: '0 auto' }}>{t('recovery.body')}</div>}
          style={{ paddingBottom: 8 }}
        />
        {status.data?.problem && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('recovery.detail', { detail: status.data.problem })}
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {backups.length === 0 && !status.loading ? (
          <Alert type="error" showIcon title={t('recovery.noBackups')} />
        ) : chosen ? (
          <>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('recovery.checkTitle', { time: dates.dateTime(chosen.takenAt) })}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('recovery.checkHint')}</Typography.Paragraph>
            <ClearFixedErrors form={form}>
              <Form form={form} layout="vertical" onFinish={(v) => void restore(v)}>
                <Form.Item
                  name="username"
                  label={t('recovery.username')}
                  rules={[{ required: true, message: t('recovery.usernameRequired') }]}
                >
                  <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
                </Form.Item>
                <Form.Item
                  name="password"
                  label={t('recovery.password')}
                  rules={[{ required: true, message: t('recovery.passwordRequired') }]}
                >
                  <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
                </Form.Item>
                <Form.Item style={{ marginBottom: 0 }}>
                  <Space>
                    <Button type="primary" danger htmlType="submit" loading={busy}>
                      {t('recovery.restoreThis')}
                    </Button>
                    <Button disabled={busy} onClick={() => choose(undefined)}>
                      {t('recovery.chooseAnother')}
                    </Button>
                  </Space>
                </Form.Item>
              </Form>
            </ClearFixedErrors>
          </>
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
                    onClick={() => choose(b)}
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
