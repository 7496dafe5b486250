import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Segmented, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/contract';
import { api } from '../../api/client';
import { ClearFixedErrors } from '../../components/ClearFixedErrors';
import { showFieldErrors, useErrorText } from '../../components/errors';
import type { Language } from '../../i18n';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { NewPasswordField } from './NewPasswordField';

/** The frame of the screens before sign-in: the console's name, the language switch, one card. */
function AuthFrame({ title, children }: { title: string; children: React.ReactNode }) {
  const { t } = useTranslation('accounts');
  const { language, setLanguage } = useUi();
  return (
    <div
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f7fa' }}
    >
      <div style={{ width: 400 }}>
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            marginBottom: 16,
          }}
        >
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.title')}
          </Typography.Title>
          <Segmented
            size="small"
            value={language}
            onChange={(v) => setLanguage(v as Language)}
            options={[
              { value: 'zh-CN', label: t('lang.zh') },
              { value: 'en-US', label: t('lang.en') },
            ]}
          />
        </div>
        <Card title={title}>{children}</Card>
      </div>
    </div>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form's fields
function useSubmit(form: FormInstance<any>) {
  const { errorText, issueText } = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const submit = async (call: () => ReturnType<typeof api.call<'accounts.signIn'>>) => {
    setBusy(true);
    setError(undefined);
    const result = await call();
    setBusy(false);
    if (result.ok) return result.value;
    form.setFields([{ name: 'password', errors: [] }]);
    if (!showFieldErrors(form, result.error, issueText) || result.error.code === 'unauthorized')
      setError(result.error);
    return undefined;
  };
  return { busy, error, errorMessage: error ? errorText(error) : undefined, submit };
}

export function SignInScreen() {
  const { t } = useTranslation('accounts');
  const [form] = Form.useForm<{ username: string; password: string }>();
  const { signedIn, notice } = useSession();
  const { errorText } = useErrorText();
  const { busy, errorMessage, submit } = useSubmit(form);

  const signIn = async () => {
    const { username = '', password = '' } = form.getFieldsValue(true) as {
      username?: string;
      password?: string;
    };
    const value = await submit(() => api.call('accounts.signIn', { username, password }));
    if (value) signedIn(value.token, value.user);
    else form.setFieldValue('password', '');
  };

  return (
    <AuthFrame title={t('auth.signInTitle')}>
      {notice && !errorMessage && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={notice === 'idle' ? t('auth.idleSignedOut') : errorText(notice)}
        />
      )}
      {errorMessage && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorMessage} />
      )}
      <ClearFixedErrors form={form}>
        <Form form={form} layout="vertical" onFinish={signIn}>
          <Form.Item name="username" label={t('auth.username')}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.signIn')}
          </Button>
        </Form>
      </ClearFixedErrors>
      <Typography.Paragraph
        type="secondary"
        style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}
      >
        {t('auth.forgotHint')}
      </Typography.Paragraph>
    </AuthFrame>
  );
}

export function SetupScreen() {
  const { t } = useTranslation('accounts');
  const [form] = Form.useForm<{
    username: string;
    displayName: string;
    password: string;
    confirm: string;
  }>();
  const signedIn = useSession((s) => s.signedIn);
  const { busy, errorMessage, submit } = useSubmit(form);

  const create = async () => {
    const values = form.getFieldsValue(true) as {
      username?: string;
      displayName?: string;
      password?: string;
      confirm?: string;
    };
    if ((values.password ?? '') !== (values.confirm ?? '')) {
      form.setFields([{ name: 'confirm', errors: [t('auth.passwordsDiffer')] }]);
      return;
    }
    const value = await submit(() =>
      api.call('accounts.setup', {
        username: values.username ?? '',
        displayName: values.displayName ?? '',
        password: values.password ?? '',
      }),
    );
    if (value) signedIn(value.token, value.user);
  };

  return (
    <AuthFrame title={t('auth.setupTitle')}>
      <Typography.Paragraph type="secondary">{t('auth.setupHint')}</Typography.Paragraph>
      {errorMessage && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorMessage} />
      )}
      <ClearFixedErrors form={form}>
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            extra={t('auth.usernameHint')}
            required
          >
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="displayName" label={t('fields.displayName')} required>
            <Input maxLength={30} />
          </Form.Item>
          <NewPasswordField name="password" label={t('auth.password')} />
          <Form.Item name="confirm" label={t('auth.confirmPassword')} required>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.createAdmin')}
          </Button>
        </Form>
      </ClearFixedErrors>
    </AuthFrame>
  );
}
