import { Alert, DatePicker, Form, Input, Radio, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { write } from '../../../api/queries';
import { FormModal } from '../../../components/FormModal';
import { StaffSelect } from './StaffSelect';

type Kind = 'exchange' | 'trade';

interface FormValues {
  kind: Kind;
  staffAId?: number;
  staffBId?: number;
  'dates.0'?: Dayjs | null;
  'dates.1'?: Dayjs | null;
  reason?: string;
}

/**
 * Records a swap between two people, approved by the lead who enters it: 换班 on one date (they
 * exchange that day's shifts), 调班 over two dates (each works the other's shift once).
 */
export function SwapModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('attendance');
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? 'exchange';

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ kind: 'exchange' });
    }
  }, [open, form]);

  const submit = () => {
    const v = form.getFieldsValue(true) as FormValues;
    const dates = v.kind === 'trade' ? [v['dates.0'], v['dates.1']] : [v['dates.0']];
    // An empty choice goes as missing (null in a list), so "required" lands beside its field.
    return write('attendance.swap', {
      staffAId: v.staffAId as number,
      staffBId: v.staffBId as number,
      dates: dates.map((d) => (d ? d.format('YYYY-MM-DD') : null) as string),
      reason: v.reason ?? '',
    });
  };

  return (
    <FormModal
      open={open}
      title={t('attendance.swap.title')}
      form={form}
      submit={submit}
      onSaved={onSaved}
      onClose={onClose}
      okText={t('attendance.swap.save')}
      width={600}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="kind" label={t('attendance.swap.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'exchange', label: t('attendance.swap.exchange') },
              { value: 'trade', label: t('attendance.swap.trade') },
            ]}
          />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            kind === 'trade' ? t('attendance.swap.tradeHint') : t('attendance.swap.exchangeHint')
          }
        />
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item name="staffAId" label={t('fields.staffAId')} required>
            <StaffSelect />
          </Form.Item>
          <Form.Item name="staffBId" label={t('fields.staffBId')} required>
            <StaffSelect />
          </Form.Item>
        </div>
        {/* One item per date, named as the backend names them (dates.0: "not scheduled that day"),
            flat so that its field errors land beside the right picker. */}
        <Form.Item label={t('fields.dates')} required style={{ marginBottom: 0 }}>
          <Space align="start" wrap>
            <Form.Item name="dates.0">
              <DatePicker
                placeholder={kind === 'trade' ? t('attendance.swap.dateA') : t('fields.date')}
              />
            </Form.Item>
            {kind === 'trade' && (
              <Form.Item name="dates.1">
                <DatePicker placeholder={t('attendance.swap.dateB')} />
              </Form.Item>
            )}
          </Space>
        </Form.Item>
        <Form.Item name="reason" label={t('fields.reason')} required>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
