import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../shared/domain/org';
import type { User } from '../../../../shared/contract';
import { errorOf } from '../../api/client';
import { useQuery, write, writeOrThrow } from '../../api/queries';
import { useErrorText } from '../../components/errors';
import { FormModal, useEditor } from '../../components/FormModal';
import { LoadError } from '../../components/PageState';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { NewPasswordField } from './NewPasswordField';

interface UserValues {
  username?: string;
  displayName?: string;
  role?: User['role'];
  password?: string;
  active?: boolean;
}

function UserModal({
  user,
  onClose,
  onSaved,
}: {
  user?: User | 'new';
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('accounts');
  const [form] = Form.useForm<UserValues>();
  const existing = user && user !== 'new' ? user : undefined;

  useEffect(() => {
    if (!user) return;
    form.resetFields();
    form.setFieldsValue(existing ?? { role: 'supervisor', active: true });
  }, [user, existing, form]);

  const submit = () => {
    const v = form.getFieldsValue(true) as UserValues;
    const common = {
      displayName: v.displayName ?? '',
      role: v.role ?? 'supervisor',
      staffId: null,
    };
    return existing
      ? write('accounts.users.update', { ...common, id: existing.id, active: v.active ?? true })
      : write('accounts.users.create', {
          ...common,
          username: v.username ?? '',
          password: v.password ?? '',
        });
  };

  return (
    <FormModal
      open={!!user}
      title={
        existing ? t('users.editTitle', { name: existing.displayName }) : t('users.createTitle')
      }
      form={form}
      submit={submit}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="username"
          label={t('auth.username')}
          extra={existing ? undefined : t('auth.usernameHint')}
          required
        >
          <Input disabled={!!existing} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('fields.displayName')} required>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="role" label={t('fields.role')} required extra={t('users.roleHint')}>
          <Radio.Group
            optionType="button"
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </Form.Item>
        {existing ? (
          <Form.Item name="active" label={t('fields.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : (
          <NewPasswordField name="password" label={t('auth.password')} />
        )}
      </Form>
    </FormModal>
  );
}

function ResetPasswordModal({
  user,
  onClose,
  onSaved,
}: {
  user?: User;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('accounts');
  const [form] = Form.useForm<{ password: string }>();
  return (
    <FormModal
      open={!!user}
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      form={form}
      submit={() =>
        write('accounts.users.resetPassword', {
          id: user?.id ?? 0,
          password: (form.getFieldValue('password') as string) ?? '',
        })
      }
      onSaved={onSaved}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('users.resetHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <NewPasswordField name="password" label={t('fields.newPassword')} />
      </Form>
    </FormModal>
  );
}

/** The idle sign-out: how long a shared desk stays signed in without anyone touching it. */
function SecuritySettings() {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const settings = useQuery('accounts.security', {});
  const [minutes, setMinutes] = useState<number | null>(null);
  useEffect(() => setMinutes(settings.data?.idleMinutes ?? null), [settings.data]);
  const save = async () => {
    try {
      await writeOrThrow('accounts.updateSecurity', { idleMinutes: minutes ?? 0 });
      message.success(t('common.saved'));
      useSession.setState({ idleMinutes: minutes ?? 15 });
    } catch (error) {
      message.error(errorText(errorOf(error)));
    }
  };
  return (
    <Card size="small" title={t('users.securityTitle')}>
      <Space wrap>
        <span>{t('users.idleMinutes')}</span>
        <InputNumber
          min={1}
          max={480}
          value={minutes}
          onChange={setMinutes}
          aria-label={t('users.idleMinutes')}
        />
        <Button onClick={save}>{t('common.save')}</Button>
        <Typography.Text type="secondary">{t('users.idleHint')}</Typography.Text>
      </Space>
    </Card>
  );
}

export function UsersPage() {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const dates = useDateFormat();
  const users = useQuery('accounts.users.list', {});
  const editor = useEditor<User>();
  const resetter = useEditor<User>();
  const me = useSession((s) => s.user);

  const unlock = async (user: User) => {
    try {
      await writeOrThrow('accounts.users.unlock', { id: user.id });
      message.success(t('users.unlocked', { name: user.displayName }));
    } catch (error) {
      message.error(errorText(errorOf(error)));
    }
  };

  if (users.error) return <LoadError error={users.error} onRetry={users.reload} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.edit('new')}>
            {t('users.add')}
          </Button>
        }
      >
        <Table<User>
          rowKey="id"
          size="small"
          loading={users.loading}
          dataSource={users.data ?? []}
          pagination={false}
          columns={[
            { title: t('auth.username'), dataIndex: 'username', width: 160 },
            { title: t('fields.displayName'), dataIndex: 'displayName', width: 160 },
            {
              title: t('fields.role'),
              dataIndex: 'role',
              width: 120,
              render: (r: User['role']) => <Tag>{t(`role.${r}`)}</Tag>,
            },
            {
              title: t('fields.status'),
              width: 220,
              render: (_, u) =>
                !u.active ? (
                  <Tag>{t('users.disabled')}</Tag>
                ) : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                  <Tag color="red">
                    {t('users.lockedUntil', { time: dates.time(u.lockedUntil) })}
                  </Tag>
                ) : (
                  <Tag color="green">{t('users.active')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              render: (_, u) => (
                <Space size={0} wrap>
                  <Button type="link" onClick={() => editor.edit(u)}>
                    {t('common.edit')}
                  </Button>
                  <Button type="link" onClick={() => resetter.edit(u)}>
                    {t('users.resetPassword')}
                  </Button>
                  {u.lockedUntil && u.id !== me?.id && (
                    <Button type="link" onClick={() => void unlock(u)}>
                      {t('users.unlock')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <SecuritySettings />
      <UserModal user={editor.editing} onClose={editor.close} onSaved={() => editor.saved()} />
      <ResetPasswordModal
        user={resetter.editing === 'new' ? undefined : resetter.editing}
        onClose={resetter.close}
        onSaved={() => resetter.saved(t('users.passwordReset'))}
      />
    </Space>
  );
}
