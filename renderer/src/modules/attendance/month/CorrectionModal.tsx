import { Alert, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaveType, ShiftType } from '../../../../../shared/contract';
import { ATTENDANCE_MARKS, plannedTimes } from '../../../../../shared/domain/attendance';
import { write } from '../../../api/queries';
import { FormModal } from '../../../components/FormModal';
import { useDateFormat } from '../../../format';
import { StatusTag, useLeaveTypeName } from '../status';
import { clockOf, type CorrectionTarget } from './cells';

const NO_MARK = 'none';
const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

interface FormValues {
  clockIn: Dayjs | null;
  clockOut: Dayjs | null;
  mark: (typeof ATTENDANCE_MARKS)[number] | typeof NO_MARK;
  leaveTypeId: number | null;
  overtimeMinutes: number | null;
  remark: string;
  reason: string;
}

/**
 * Corrects one person's record on one date: clock times or a mark, with a required reason that the
 * audit trail keeps beside the before and after. Shows what is recorded now and what was planned.
 */
export function CorrectionModal({
  target,
  shiftTypes,
  leaveTypes,
  closed,
  onClose,
  onSaved,
}: {
  target: CorrectionTarget | undefined;
  shiftTypes: ShiftType[];
  leaveTypes: LeaveType[];
  /** The month is closed: the dialog says so up front (the backend refuses the save anyway). */
  closed: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('attendance');
  const dates = useDateFormat();
  const leaveTypeName = useLeaveTypeName();
  const [form] = Form.useForm<FormValues>();
  const mark = Form.useWatch('mark', form);
  const record = target?.record ?? null;

  useEffect(() => {
    if (!target) return;
    const r = target.record;
    form.resetFields();
    form.setFieldsValue({
      clockIn: r?.clockIn ? dayjs(r.clockIn) : null,
      clockOut: r?.clockOut ? dayjs(r.clockOut) : null,
      mark: r?.mark ?? NO_MARK,
      leaveTypeId: r?.leaveTypeId ?? null,
      overtimeMinutes: r?.overtimeMinutes ?? 0,
      remark: r?.remark ?? '',
      reason: '',
    });
  }, [target, form]);

  const shift =
    typeof target?.shiftTypeId === 'number'
      ? shiftTypes.find((s) => s.id === target.shiftTypeId)
      : undefined;
  // The record keeps the times it was recorded against; before any record, the shift's own.
  const planned =
    record?.plannedStart && record.plannedEnd
      ? { start: record.plannedStart, end: record.plannedEnd }
      : shift && target
        ? plannedTimes(target.date, shift)
        : null;
  const recordShift = record?.shiftTypeId
    ? shiftTypes.find((s) => s.id === record.shiftTypeId)
    : shift;

  const submit = () => {
    const v = form.getFieldsValue(true) as FormValues;
    const markValue = v.mark === NO_MARK ? null : v.mark;
    return write('attendance.correct', {
      staffId: target?.staffId ?? 0,
      date: target?.date ?? '',
      clockIn: v.clockIn ? v.clockIn.format(PICKER_FORMAT) : null,
      clockOut: v.clockOut ? v.clockOut.format(PICKER_FORMAT) : null,
      mark: markValue,
      leaveTypeId: markValue === 'leave' ? v.leaveTypeId : null,
      overtimeMinutes: v.overtimeMinutes ?? 0,
      remark: v.remark,
      reason: v.reason ?? '',
    });
  };

  const plannedText = () => {
    if (planned && target)
      return `${recordShift?.name ?? ''} ${clockOf(planned.start, target.date)}–${clockOf(planned.end, target.date)}`;
    return target?.shiftTypeId === null
      ? t('attendance.restDay')
      : t('attendance.correction.notScheduled');
  };
  const pickerStart = planned ? dayjs(planned.start) : target ? dayjs(target.date) : undefined;
  const pickerEnd = planned ? dayjs(planned.end) : pickerStart;

  return (
    <FormModal
      open={!!target}
      title={
        target
          ? t('attendance.correction.title', { name: target.name, date: dates.full(target.date) })
          : ''
      }
      form={form}
      submit={submit}
      onSaved={onSaved}
      onClose={onClose}
      okText={t('attendance.correction.save')}
      width={620}
    >
      {target && closed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('errors.monthClosed', { month: dates.month(target.date.slice(0, 7)) })}
        />
      )}
      {target && (
        <Descriptions
          size="small"
          bordered
          column={2}
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'who',
              label: t('fields.staffId'),
              children: `${target.name} · ${target.employeeNo}`,
            },
            { key: 'date', label: t('fields.date'), children: dates.long(target.date) },
            { key: 'planned', label: t('attendance.correction.planned'), children: plannedText() },
            {
              key: 'status',
              label: t('attendance.correction.current'),
              children: record ? (
                <StatusTag status={record.status} />
              ) : (
                t('attendance.correction.noRecord')
              ),
            },
            ...(record
              ? [
                  {
                    key: 'clock',
                    label: t('attendance.correction.clocked'),
                    children: `${clockOf(record.clockIn, record.date)} – ${clockOf(record.clockOut, record.date)}`,
                  },
                  {
                    key: 'by',
                    label: t('attendance.correction.recordedBy'),
                    children: `${record.recordedBy} · ${t(`attendance.source.${record.source}`)}`,
                  },
                ]
              : []),
          ]}
        />
      )}
      <Form form={form} layout="vertical">
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item name="clockIn" label={t('fields.clockIn')}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={PICKER_FORMAT}
              defaultPickerValue={pickerStart}
              style={{ width: '100%' }}
              disabled={mark !== NO_MARK}
            />
          </Form.Item>
          <Form.Item name="clockOut" label={t('fields.clockOut')}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={PICKER_FORMAT}
              defaultPickerValue={pickerEnd}
              style={{ width: '100%' }}
              disabled={mark !== NO_MARK}
            />
          </Form.Item>
        </div>
        <Form.Item name="mark" label={t('fields.mark')} extra={t('attendance.correction.markHint')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: NO_MARK, label: t('attendance.correction.byClock') },
              ...ATTENDANCE_MARKS.map((m) => ({ value: m, label: t(`attendanceStatus.${m}`) })),
            ]}
          />
        </Form.Item>
        {mark === 'leave' && (
          <Form.Item name="leaveTypeId" label={t('fields.leaveTypeId')} required>
            <Select
              options={leaveTypes
                .filter((l) => l.active || l.id === record?.leaveTypeId)
                .map((l) => ({ value: l.id, label: leaveTypeName(l) }))}
            />
          </Form.Item>
        )}
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 2fr', columnGap: 16 }}>
          <Form.Item name="overtimeMinutes" label={t('fields.overtimeMinutes')}>
            <InputNumber min={0} max={24 * 60} step={30} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="remark" label={t('fields.remark')}>
            <Input maxLength={200} />
          </Form.Item>
        </div>
        <Form.Item name="reason" label={t('attendance.correction.reason')} required>
          <Input.TextArea
            rows={2}
            maxLength={200}
            showCount
            placeholder={t('attendance.correction.reasonHint')}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
