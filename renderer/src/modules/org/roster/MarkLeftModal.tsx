import { Alert, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../../shared/contract';
import { write } from '../../../api/queries';
import { FormModal } from '../../../components/FormModal';

export function MarkLeftModal({
  staff,
  onClose,
  onDone,
}: {
  staff?: Staff;
  onClose: () => void;
  onDone: (staff: Staff) => void;
}) {
  const { t } = useTranslation('org');
  const [form] = Form.useForm<{ leftOn: Dayjs | null; reason: string }>();

  useEffect(() => {
    if (staff) form.setFieldsValue({ leftOn: dayjs(), reason: '' });
  }, [staff, form]);

  const submit = () => {
    const { leftOn, reason } = form.getFieldsValue(true) as {
      leftOn: Dayjs | null;
      reason?: string;
    };
    return write('org.staff.markLeft', {
      id: staff?.id ?? 0,
      leftOn: leftOn ? leftOn.format('YYYY-MM-DD') : '',
      reason: reason ?? '',
    });
  };

  return (
    <FormModal
      open={!!staff}
      title={staff ? t('roster.markLeftTitle', { name: staff.name }) : ''}
      form={form}
      okText={t('roster.markLeft')}
      danger
      submit={submit}
      onSaved={onDone}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('roster.markLeftHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical">
        <Form.Item name="leftOn" label={t('fields.leftOn')} required>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('roster.leftReason')} required>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
