import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/contract';
import { api } from '../../api/client';
import { showFieldErrors, useErrorText } from '../../components/errors';

export function MarkLeftModal({
  staff,
  onClose,
  onDone,
}: {
  staff?: Staff;
  onClose: () => void;
  onDone: (staff: Staff) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText, issueText } = useErrorText();
  const [form] = Form.useForm<{ leftOn: Dayjs | null; reason: string }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (staff) form.setFieldsValue({ leftOn: dayjs(), reason: '' });
  }, [staff, form]);

  const save = async () => {
    if (!staff) return;
    const { leftOn, reason } = form.getFieldsValue(true) as {
      leftOn: Dayjs | null;
      reason: string;
    };
    setSaving(true);
    const result = await api.call('staff.markLeft', {
      id: staff.id,
      leftOn: leftOn ? leftOn.format('YYYY-MM-DD') : '',
      reason: reason ?? '',
    });
    setSaving(false);
    if (result.ok) onDone(result.value);
    else if (!showFieldErrors(form, result.error, issueText))
      message.error(errorText(result.error));
  };

  return (
    <Modal
      open={!!staff}
      title={staff ? t('roster.markLeftTitle', { name: staff.name }) : ''}
      okText={t('roster.markLeft')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('roster.markLeftHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical">
        <Form.Item name="leftOn" label={t('fields.leftOn')} required>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('fields.reason')} required>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
