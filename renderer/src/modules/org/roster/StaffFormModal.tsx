import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff, Team } from '../../../../../shared/contract';
import { POSITIONS } from '../../../../../shared/domain/org';
import { write } from '../../../api/queries';
import { FormModal } from '../../../components/FormModal';

interface FormValues {
  employeeNo: string;
  name: string;
  teamId?: number | null;
  position: Staff['position'];
  seat?: string;
  extension?: string;
  phone?: string;
  hireDate?: Dayjs | null;
  status?: 'active' | 'on_leave';
}

/** Create (staff undefined) or edit one person. Errors from the backend land next to their fields. */
export function StaffFormModal({
  open,
  staff,
  teams,
  onClose,
  onSaved,
}: {
  open: boolean;
  staff?: Staff;
  teams: Team[];
  onClose: () => void;
  onSaved: (saved: Staff) => void;
}) {
  const { t } = useTranslation('org');
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      staff
        ? {
            ...staff,
            seat: staff.seat ?? '',
            extension: staff.extension ?? '',
            phone: staff.phone ?? '',
            hireDate: staff.hireDate ? dayjs(staff.hireDate) : null,
            status: staff.status === 'on_leave' ? 'on_leave' : 'active',
          }
        : { position: 'agent', teamId: null },
    );
  }, [open, staff, form]);

  const submit = () => {
    const values = form.getFieldsValue(true) as FormValues;
    const input = {
      employeeNo: values.employeeNo ?? '',
      name: values.name ?? '',
      teamId: values.teamId ?? null,
      position: values.position,
      seat: values.seat,
      extension: values.extension,
      phone: values.phone,
      hireDate: values.hireDate ? values.hireDate.format('YYYY-MM-DD') : null,
    };
    return staff
      ? write('org.staff.update', { ...input, id: staff.id, status: values.status ?? 'active' })
      : write('org.staff.create', input);
  };

  return (
    <FormModal
      open={open}
      title={staff ? t('roster.editTitle', { name: staff.name }) : t('roster.createTitle')}
      form={form}
      submit={submit}
      onSaved={onSaved}
      onClose={onClose}
      width={560}
    >
      <Form form={form} layout="vertical">
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item name="employeeNo" label={t('fields.employeeNo')} required>
            <Input autoFocus maxLength={20} placeholder="KF1001" />
          </Form.Item>
          <Form.Item name="name" label={t('fields.name')} required>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="teamId" label={t('fields.teamId')}>
            <Select
              allowClear
              placeholder={t('roster.unassigned')}
              options={teams.map((team) => ({ value: team.id, label: team.name }))}
            />
          </Form.Item>
          <Form.Item name="position" label={t('fields.position')} required>
            <Select options={POSITIONS.map((p) => ({ value: p, label: t(`position.${p}`) }))} />
          </Form.Item>
          <Form.Item name="seat" label={t('fields.seat')}>
            <Input maxLength={20} placeholder="A-01" />
          </Form.Item>
          <Form.Item name="extension" label={t('fields.extension')}>
            <Input maxLength={10} placeholder="8001" />
          </Form.Item>
          <Form.Item name="phone" label={t('fields.phone')}>
            <Input maxLength={20} placeholder="13800138000" />
          </Form.Item>
          <Form.Item name="hireDate" label={t('fields.hireDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        {staff && (
          <Form.Item name="status" label={t('fields.status')}>
            <Radio.Group
              options={(['active', 'on_leave'] as const).map((s) => ({
                value: s,
                label: t(`status.${s}`),
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
