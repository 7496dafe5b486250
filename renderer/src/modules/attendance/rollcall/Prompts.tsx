import { Form, Input, Modal, Radio, Typography, type InputRef } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaveType, ShiftType } from '../../../../../shared/contract';
import { classifyAttendance, type AttendanceRules } from '../../../../../shared/domain/attendance';
import { useShiftHoursLabel } from '../../../components/ShiftHours';
import { useDateFormat } from '../../../format';
import { useLeaveTypeName } from '../status';
import { defaultArrival, parseClock, resolveArrival } from './clock';

/**
 * The two questions a roll-call mark can need: when a late person arrived, and which leave.
 * Both open with focus in their field; Enter confirms, Esc cancels. The caller moves focus on
 * afterwards, so the dialog does not hand it back to the row it came from.
 */
function Prompt({
  open,
  title,
  onConfirm,
  onCancel,
  afterClose,
  afterOpen,
  children,
}: {
  open: boolean;
  title: string;
  onConfirm: () => void;
  onCancel: () => void;
  afterClose: () => void;
  afterOpen: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('attendance');
  return (
    <Modal
      open={open}
      title={title}
      width={420}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={onConfirm}
      onCancel={onCancel}
      afterClose={afterClose}
      afterOpenChange={(isOpen) => isOpen && afterOpen()}
      // No trap and no hand-back: the caller puts the keyboard on the next row as the dialog closes.
      focusable={{ trap: false, focusTriggerAfterClose: false }}
      destroyOnHidden
    >
      {/* Enter confirms from anywhere in the prompt; Esc is the dialog's own cancel. */}
      <div
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            onConfirm();
          }
        }}
      >
        {children}
      </div>
    </Modal>
  );
}

export interface Instance {
  date: string;
  plannedStart: string;
  plannedEnd: string;
  shift: ShiftType;
}

export function LatePrompt({
  open,
  name,
  instance,
  now,
  rules,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  /** Who is asked about; kept while the dialog fades out. */
  name: string;
  instance: Instance;
  now: string;
  rules: AttendanceRules | undefined;
  onConfirm: (arrivedAt: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('attendance');
  const shiftHours = useShiftHoursLabel();
  const dates = useDateFormat();
  const input = useRef<InputRef>(null);
  // Until the supervisor types, the field follows the clock (see defaultArrival).
  const [typed, setTyped] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const { plannedStart, plannedEnd } = instance;
  const text = typed ?? defaultArrival(now, plannedStart, plannedEnd);

  const clock = parseClock(text);
  const arrivedAt = clock ? resolveArrival(clock, plannedStart, plannedEnd) : null;
  // What the mark will record, classified by the same rule the backend applies.
  const outcome =
    arrivedAt &&
    classifyAttendance(
      {
        date: instance.date,
        shift: instance.shift,
        clockIn: arrivedAt,
        clockOut: null,
        mark: null,
      },
      rules,
    );
  const confirm = () => {
    setTouched(true);
    if (arrivedAt) onConfirm(arrivedAt);
  };

  const focusInput = () => input.current?.focus({ cursor: 'all' });
  return (
    <Prompt
      open={open}
      title={t('rollCall.lateTitle', { name })}
      onConfirm={confirm}
      onCancel={onCancel}
      afterClose={() => {
        setTyped(null);
        setTouched(false);
      }}
      afterOpen={() => {
        if (document.activeElement !== input.current?.input) focusInput();
      }}
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('rollCall.arrivedAt')}
          validateStatus={touched && !arrivedAt ? 'error' : undefined}
          help={
            !arrivedAt ? (
              touched && t('rollCall.badClock')
            ) : (
              <Typography.Text type={outcome && outcome.lateMinutes > 0 ? 'warning' : 'secondary'}>
                {t('rollCall.arrivalAt', {
                  day: dates.day(arrivedAt.slice(0, 10)),
                  time: arrivedAt.slice(11),
                })}
                {outcome &&
                  (outcome.lateMinutes === 0
                    ? t('rollCall.withinGrace', { minutes: instance.shift.lateGraceMinutes })
                    : outcome.absenceDays > 0
                      ? t('rollCall.lateHalfDay', { minutes: outcome.lateMinutes })
                      : t('rollCall.lateBy', { minutes: outcome.lateMinutes }))}
              </Typography.Text>
            )
          }
          extra={t('rollCall.arrivedAtHint', { hours: shiftHours(instance.shift) })}
        >
          <Input
            ref={input}
            autoFocus
            value={text}
            onChange={(e) => setTyped(e.target.value)}
            onFocus={(e) => e.target.select()}
            maxLength={5}
            inputMode="numeric"
            placeholder="08:25"
            aria-label={t('rollCall.arrivedAt')}
            style={{ width: 120 }}
          />
        </Form.Item>
      </Form>
    </Prompt>
  );
}

export function LeavePrompt({
  open,
  name,
  leaveTypes,
  initial,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  name: string;
  /** Active leave types only. */
  leaveTypes: LeaveType[];
  /** The type chosen last time: a sick wave makes the same choice many times. */
  initial: number | undefined;
  onConfirm: (leaveTypeId: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('attendance');
  const leaveTypeName = useLeaveTypeName();
  const group = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<number>();
  const value =
    chosen ?? (leaveTypes.some((lt) => lt.id === initial) ? initial : leaveTypes[0]?.id);

  const confirm = () => {
    if (value !== undefined) onConfirm(value);
  };
  return (
    <Prompt
      open={open}
      title={t('rollCall.leaveTitle', { name })}
      onConfirm={confirm}
      onCancel={onCancel}
      afterClose={() => {
        setChosen(undefined);
      }}
      afterOpen={() => {
        const checked = group.current?.querySelector<HTMLInputElement>('input:checked');
        if (checked && document.activeElement !== checked) checked.focus();
      }}
    >
      {leaveTypes.length === 0 ? (
        <Typography.Text type="secondary">{t('rollCall.noLeaveTypes')}</Typography.Text>
      ) : (
        <div ref={group}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('rollCall.leaveHint')}
          </Typography.Paragraph>
          <Radio.Group
            value={value}
            onChange={(e) => setChosen(e.target.value as number)}
            name="leaveType"
            aria-label={t('rollCall.leaveType')}
            style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 8 }}
          >
            {leaveTypes.map((lt) => (
              <Radio key={lt.id} value={lt.id} autoFocus={lt.id === value}>
                {leaveTypeName(lt)}
              </Radio>
            ))}
          </Radio.Group>
        </div>
      )}
    </Prompt>
  );
}
