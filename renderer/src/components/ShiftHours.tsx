import { Tag, Tooltip } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftType } from '../../../shared/contract';
import { crossesMidnight } from '../../../shared/domain/time';

type Hours = Pick<ShiftType, 'startTime' | 'endTime'>;

/**
 * A shift's hours as every screen, prompt, header and printout writes them: 16:00–24:00, and an
 * overnight shift 22:00–次日 08:00. From the shift type's own times, never from an instance's
 * end date-time (which would read 16:00–00:00).
 */
export function shiftHoursLabel(shift: Hours, nextDay: string): string {
  return crossesMidnight(shift)
    ? `${shift.startTime}–${nextDay} ${shift.endTime}`
    : `${shift.startTime}–${shift.endTime}`;
}

/** shiftHoursLabel in the user's language, for labels and option text. */
export function useShiftHoursLabel() {
  const { t } = useTranslation();
  return useCallback((shift: Hours) => shiftHoursLabel(shift, t('shiftHours.nextDay')), [t]);
}

/** The same words on screen: 22:00–[次日] 08:00, the next day marked. */
export function ShiftHoursText({ shift }: { shift: Hours }) {
  const { t } = useTranslation();
  return crossesMidnight(shift) ? (
    <Tooltip title={t('shiftHours.crossesMidnight')}>
      {shift.startTime}–
      <Tag color="purple" style={{ marginInline: 2 }}>
        {t('shiftHours.nextDay')}
      </Tag>
      {shift.endTime}
    </Tooltip>
  ) : (
    <span>{shiftHoursLabel(shift, '')}</span>
  );
}
