import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShiftType } from '../../../shared/contract';
import { crossesMidnight } from '../../../shared/domain/time';

/** 22:00 – 次日 08:00: an overnight shift says so. */
export function ShiftHoursText({ shift }: { shift: Pick<ShiftType, 'startTime' | 'endTime'> }) {
  const { t } = useTranslation();
  return crossesMidnight(shift) ? (
    <Tooltip title={t('shiftHours.crossesMidnight')}>
      {shift.startTime} –{' '}
      <Tag color="purple" style={{ marginInline: 2 }}>
        {t('shiftHours.nextDay')}
      </Tag>
      {shift.endTime}
    </Tooltip>
  ) : (
    <span>
      {shift.startTime} – {shift.endTime}
    </span>
  );
}
