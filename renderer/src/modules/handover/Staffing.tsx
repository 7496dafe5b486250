import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShiftAttendance } from '../../../../shared/contract';
import { staffingBox } from '../../../../shared/domain/handover';
import { usePersonName } from '../../format';

/**
 * Scheduled against present, and who was absent, late or on leave — from the shift's attendance
 * (roll-call and clock import), so the handover never retypes what the roll-call already knows.
 * Only the writer, who can still take the roll, is told to complete it: the incoming lead and the
 * printed sheet read the figures as they stand.
 */
export function StaffingFacts({
  staffing,
  writer = false,
}: {
  staffing: ShiftAttendance;
  writer?: boolean;
}) {
  const { t } = useTranslation('handover');
  const { counts, people } = staffing;
  const box = staffingBox(counts);
  const personName = usePersonName();
  const nameOf = (p: (typeof people)[0]) => personName(p, p.sameName);
  const named = (statuses: string[]) =>
    people.filter((p) => p.record && statuses.includes(p.record.status));
  const absent = named(['absent']);
  const late = named(['late', 'late_early']);
  const leave = named(['leave']);
  const list = (
    label: string,
    rows: typeof people,
    text: (p: (typeof people)[0]) => string = nameOf,
  ) =>
    rows.length > 0 && (
      <div className="handover-staffing-line">
        <span className="handover-staffing-label">{label}</span>
        {rows.map((p, i) => (
          <span key={p.staffId} style={{ whiteSpace: 'nowrap' }}>
            {text(p)}
            {i < rows.length - 1 ? t('handover.listSeparator') : ''}
          </span>
        ))}
      </div>
    );

  if (counts.scheduled === 0)
    return (
      <Typography.Paragraph type="secondary" className="handover-empty-line">
        {t('handover.staffing.noneScheduled')}
      </Typography.Paragraph>
    );

  return (
    <div data-testid="handover-staffing">
      <div className="handover-counts">
        {(['scheduled', 'arrived', 'late', 'absent', 'leave', 'unrecorded'] as const).map((key) => (
          <div
            key={key}
            className={[
              'handover-count',
              key === 'late' && 'handover-count-part',
              (key === 'absent' || key === 'late') && box[key] > 0 && 'handover-count-bad',
            ]
              .filter(Boolean)
              .join(' ')}
          >
            <div className="handover-count-value">{box[key]}</div>
            <div className="handover-count-label">{t(`handover.staffing.${key}`)}</div>
          </div>
        ))}
      </div>
      {list(t('handover.staffing.absentees'), absent)}
      {list(t('handover.staffing.lateArrivals'), late, (p) =>
        t('handover.staffing.lateNamed', { name: nameOf(p), minutes: p.record?.lateMinutes ?? 0 }),
      )}
      {list(t('handover.staffing.onLeave'), leave)}
      {writer && counts.unrecorded > 0 && (
        <Typography.Paragraph
          type="warning"
          style={{ margin: '6px 0 0' }}
          data-testid="staffing-unrecorded-hint"
        >
          {t('handover.staffing.unrecordedHint', { count: counts.unrecorded })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
