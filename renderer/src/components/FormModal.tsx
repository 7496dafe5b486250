import { App, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/contract';
import { ClearFixedErrors } from './ClearFixedErrors';
import { showFieldErrors, useErrorText } from './errors';

/**
 * A dialog that saves one form through one backend call. Field errors from the backend land next
 * to their fields; anything else shows as a message. The dialog stays open until the save succeeds.
 */
export function FormModal<T>({
  open,
  title,
  form,
  submit,
  onSaved,
  onClose,
  entity,
  okText,
  danger,
  width,
  children,
}: {
  open: boolean;
  title: string;
  form: FormInstance;
  submit: () => Promise<Result<T>>;
  onSaved: (value: T) => void;
  onClose: () => void;
  entity?: Parameters<typeof useErrorText>[0];
  okText?: string;
  danger?: boolean;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText, issueText } = useErrorText(entity);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    const result = await submit();
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else if (!showFieldErrors(form, result.error, issueText))
      message.error(errorText(result.error));
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.save')}
      okButtonProps={danger ? { danger: true } : undefined}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
      width={width}
    >
      <ClearFixedErrors form={form}>{children}</ClearFixedErrors>
    </Modal>
  );
}

/** Which record a list page is editing ('new' for a new one), and what happens once it is saved. */
export function useEditor<T>() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<T | 'new'>();
  return {
    editing,
    edit: setEditing,
    close: () => setEditing(undefined),
    saved: (text: string = t('common.saved')) => {
      message.success(text);
      setEditing(undefined);
    },
  };
}
