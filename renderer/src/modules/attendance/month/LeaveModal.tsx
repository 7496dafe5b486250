import { Alert, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaveType } from '../../../../../shared/contract';
import { write } from '../../../api/queries';
import { FormModal } from '../../../components/FormModal';
import { useLeaveTypeName } from '../status';
import { StaffSelect } from './StaffSelect';

interface FormValues {
  staffId?: number;
  from?: Dayjs | null;
  to?: Dayjs | null;
  leaveTypeId?: number;
  reason?: string;
}

/** Records leave for a date range: every scheduled shift in it is marked as leave of one type. */
export function LeaveModal({
  open,
  leaveTypes,
  onClose,
  onSaved,
}: {
  open: boolean;
  leaveTypes: LeaveType[];
  onClose: () => void;
  onSaved: (shifts: number) => void;
}) {
  const { t } = useTranslation('attendance');
  const leaveTypeName = useLeaveTypeName();
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = () => {
    const v = form.getFieldsValue(true) as FormValues;
    // An empty choice goes as missing, so the backend answers "required" beside its field.
    return write('attendance.leave', {
      staffId: v.staffId as number,
      from: v.from?.format('YYYY-MM-DD') as string,
      to: v.to?.format('YYYY-MM-DD') as string,
      leaveTypeId: v.leaveTypeId as number,
      reason: v.reason ?? '',
    });
  };

  return (
    <FormModal
      open={open}
      title={t('attendance.leave.title')}
      form={form}
      submit={submit}
      onSaved={(r) => onSaved(r.shifts)}
      onClose={onClose}
      okText={t('attendance.leave.save')}
      width={560}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('attendance.leave.hint')} />
      <Form
        form={form}
        layout="vertical"
        // Most leave is one day: the end follows the start until it is set later than it.
        onValuesChange={(changed: FormValues, all: FormValues) => {
          if (changed.from && (!all.to || all.to.isBefore(changed.from)))
            form.setFieldValue('to', changed.from);
        }}
      >
        <Form.Item name="staffId" label={t('fields.staffId')} required>
          <StaffSelect />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item name="from" label={t('fields.from')} required>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="to" label={t('fields.to')} required>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="leaveTypeId" label={t('fields.leaveTypeId')} required>
          <Select
            options={leaveTypes
              .filter((l) => l.active)
              .map((l) => ({
                value: l.id,
                label: `${leaveTypeName(l)}${l.paid ? '' : ` (${t('attendance.leave.unpaid')})`}`,
              }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('fields.reason')} required>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
