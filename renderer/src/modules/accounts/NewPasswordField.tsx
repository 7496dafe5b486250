import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A password being set (first administrator, new account, reset, change): the rule under the
 * box, and `new-password` so the browser offers to generate one instead of filling an old one.
 */
export function NewPasswordField({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation('accounts');
  return (
    <Form.Item name={name} label={label} extra={t('auth.passwordHint')} required>
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
