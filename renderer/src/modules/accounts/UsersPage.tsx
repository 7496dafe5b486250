import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/domain/org';
import type { User } from '../../../../shared/contract';
import { channelAccess } from '../../api/access';
import { errorOf } from '../../api/client';
import { useQuery, write, writeOrThrow } from '../../api/queries';
import { useErrorText } from '../../components/errors';
import { FormModal, useEditor } from '../../components/FormModal';
import { LoadError } from '../../components/PageState';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { StaffSelect } from '../attendance/month/StaffSelect';
import { NAV } from '../index';
import { NewPasswordField } from './NewPasswordField';

interface UserValues {
  username?: string;
  displayName?: string;
  role?: User['role'];
  staffId?: number | null;
  teamIds?: number[];
  password?: string;
  active?: boolean;
}

/**
 * What a role can open, read from the menu itself (each page shows to the roles its channel
 * allows): the dialog promises exactly the screens that exist, and follows new ones.
 */
function RoleHint({ role }: { role: Role }) {
  const { t } = useTranslation('accounts');
  const pages = NAV.filter((entry) => channelAccess[entry.needs].roles.includes(role)).map(
    (entry) => t(`nav.${entry.key}`, { ns: entry.module }),
  );
  return (
    <span data-testid="role-hint">
      {t('users.roleOpens', { pages: pages.join(t('users.listSeparator')) })}
      {role === 'supervisor' ? ` ${t('users.supervisorTeams')}` : ` ${t('users.seesAllTeams')}`}
    </span>
  );
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
    form.setFieldsValue(existing ?? { role: 'supervisor', active: true, teamIds: [] });
  }, [user, existing, form]);

  const role = (Form.useWatch('role', form) as Role | undefined) ?? 'supervisor';
  const existingStaff =
    existing?.staffId && existing.staff
      ? { id: existing.staffId, ...existing.staff, teamId: null, teamName: null }
      : undefined;
  const teams = useQuery('org.teams.list', {});
  const staff = useQuery('org.staff.list', { page: 1, pageSize: 1 });

  const submit = () => {
    const v = form.getFieldsValue(true) as UserValues;
    const common = {
      displayName: v.displayName ?? '',
      role: v.role ?? 'supervisor',
      staffId: v.staffId ?? null,
      // Only a supervisor leads teams; the others see every team.
      teamIds: (v.role ?? 'supervisor') === 'supervisor' ? (v.teamIds ?? []) : [],
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
        <Form.Item name="role" label={t('fields.role')} required extra={<RoleHint role={role} />}>
          <Radio.Group
            optionType="button"
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </Form.Item>
        {role === 'supervisor' && (
          <Form.Item
            name="teamIds"
            label={t('fields.teams')}
            extra={teams.data?.length === 0 ? t('users.noTeamsYet') : t('users.teamsHint')}
          >
            <Select
              mode="multiple"
              allowClear
              placeholder={t('users.pickTeams')}
              loading={teams.loading}
              options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="staffId"
          label={t('fields.staff')}
          extra={staff.data?.total === 0 ? t('users.noStaffYet') : t('users.staffHint')}
        >
          <StaffSelect allowClear aria-label={t('fields.staff')} selected={existingStaff} />
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
  const { errorText, issueText } = useErrorText();
  const settings = useQuery('accounts.security', {});
  const [minutes, setMinutes] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => setMinutes(settings.data?.idleMinutes ?? null), [settings.data]);
  const save = async () => {
    try {
      // Sent as typed: the backend names a value out of range, never a quiet 0 → 1.
      await writeOrThrow('accounts.updateSecurity', { idleMinutes: minutes ?? 0 });
      setError(undefined);
      message.success(t('common.saved'));
      useSession.setState({ idleMinutes: minutes ?? 15 });
    } catch (failure) {
      const error = errorOf(failure);
      // The field's own issue (the range), not the general "check the marked fields".
      setError(error.issues?.[0] ? issueText(error.issues[0]) : errorText(error));
    }
  };
  return (
    <Card size="small" title={t('users.securityTitle')}>
      <Space wrap>
        <span>{t('users.idleMinutes')}</span>
        <InputNumber
          precision={0}
          value={minutes}
          status={error ? 'error' : undefined}
          onChange={(value) => {
            setMinutes(value);
            setError(undefined);
          }}
          aria-label={t('users.idleMinutes')}
        />
        <Button onClick={save}>{t('common.save')}</Button>
        {error ? (
          <Typography.Text type="danger" role="alert">
            {error}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('users.idleHint')}</Typography.Text>
        )}
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
  const teams = useQuery('org.teams.list', {});
  const teamNames = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const clashes = useQuery('accounts.users.clashes', {});

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
      {!!clashes.data?.length && (
        <Alert
          type="warning"
          showIcon
          title={t('users.clashTitle')}
          description={t('users.clashBody', {
            names: clashes.data.map((names) => names.join(' / ')).join(t('users.listSeparator')),
          })}
        />
      )}
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
              title: t('fields.staff'),
              width: 150,
              render: (_, u) => (u.staff ? `${u.staff.name} · ${u.staff.employeeNo}` : '—'),
            },
            {
              title: t('fields.teams'),
              width: 180,
              render: (_, u) =>
                u.role !== 'supervisor' ? (
                  <Typography.Text type="secondary">{t('users.allTeams')}</Typography.Text>
                ) : u.teamIds.length === 0 ? (
                  <Tag color="orange">{t('users.noTeam')}</Tag>
                ) : (
                  u.teamIds.map((id) => <Tag key={id}>{teamNames.get(id) ?? id}</Tag>)
                ),
            },
            {
              title: t('fields.status'),
              width: 200,
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
