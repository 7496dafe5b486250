import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { write } from '../../api/queries';
import { useSession } from '../../stores/session';
import { FormModal } from '../../components/FormModal';
import { NewPasswordField } from './NewPasswordField';

/** Signs the desk out after the configured idle minutes: the console PC is shared. */
export function useIdleSignOut() {
  const { idleMinutes, signOut, phase } = useSession();
  const lastActivity = useRef(Date.now());
  useEffect(() => {
    if (phase !== 'signedIn') return;
    lastActivity.current = Date.now();
    const touch = () => (lastActivity.current = Date.now());
    const events = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const;
    events.forEach((e) => window.addEventListener(e, touch, { passive: true }));
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current > idleMinutes * 60_000) void signOut('idle');
    }, 15_000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, touch));
      window.clearInterval(timer);
    };
  }, [idleMinutes, signOut, phase]);
}

function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string }>();
  return (
    <FormModal
      open={open}
      title={t('auth.changePassword')}
      form={form}
      submit={() => {
        const v = form.getFieldsValue(true) as { currentPassword?: string; newPassword?: string };
        return write('accounts.changePassword', {
          currentPassword: v.currentPassword ?? '',
          newPassword: v.newPassword ?? '',
        });
      }}
      onSaved={() => {
        message.success(t('auth.passwordChanged'));
        onClose();
      }}
      onClose={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="currentPassword" label={t('fields.currentPassword')} required>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordField name="newPassword" label={t('fields.newPassword')} />
      </Form>
    </FormModal>
  );
}

/** Who is signed in, and the ways out: change password, switch user, sign out. */
export function UserMenu() {
  const { t } = useTranslation('accounts');
  const { user, signOut } = useSession();
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  return (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'password', label: t('auth.changePassword') },
            { key: 'switch', label: t('auth.switchUser') },
            { type: 'divider' },
            { key: 'signOut', label: t('auth.signOut'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            else void signOut();
          },
        }}
      >
        <Button type="text">
          <UserOutlined />
          {user.displayName}
          <Tag style={{ marginInline: 4 }}>{t(`role.${user.role}`)}</Tag>
          <DownOutlined />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
