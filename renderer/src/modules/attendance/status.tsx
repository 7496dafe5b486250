import { Tag } from 'antd';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaveType } from '../../../../shared/contract';
import type { AttendanceStatus } from '../../../../shared/domain/attendance';

/** Ant Design preset colours: `Tag color` takes the name, `theme.useToken()` the shades (`green7`). */
export type StatusColor =
  'green' | 'orange' | 'gold' | 'volcano' | 'red' | 'blue' | 'cyan' | 'purple' | 'magenta';

/**
 * One colour per attendance status, the same on every attendance screen, so a lead reads a table
 * by colour: green worked, orange/gold came late or left early, red 旷工, blue on leave, magenta a punch missing (缺卡).
 */
export const STATUS_COLORS: Record<AttendanceStatus, StatusColor> = {
  present: 'green',
  late: 'orange',
  early_leave: 'gold',
  late_early: 'volcano',
  absent: 'red',
  leave: 'blue',
  business_trip: 'cyan',
  rest_day_worked: 'purple',
  missing_punch: 'magenta',
};

/** A status as a coloured tag; `children` adds detail after the label (minutes, leave type). */
export function StatusTag({
  status,
  children,
}: {
  status: AttendanceStatus;
  children?: ReactNode;
}) {
  const { t } = useTranslation('attendance');
  return (
    <Tag color={STATUS_COLORS[status]}>
      {t(`attendanceStatus.${status}`)}
      {children}
    </Tag>
  );
}

/** The default leave types are named in the user's language by code; a center's own types show their own name. */
export function useLeaveTypeName() {
  const { t } = useTranslation('attendance');
  return useCallback(
    (leaveType: Pick<LeaveType, 'code' | 'name'>) =>
      t(`leaveType.${leaveType.code}`, { defaultValue: leaveType.name }),
    [t],
  );
}
