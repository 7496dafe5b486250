import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShiftAttendance } from '../../../../shared/contract';

/**
 * Scheduled against present, and who was absent, late or on leave — from the shift's attendance
 * (roll-call and clock import), so the handover never retypes what the roll-call already knows.
 */
export function StaffingFacts({ staffing }: { staffing: ShiftAttendance }) {
  const { t } = useTranslation('handover');
  const { counts, people } = staffing;
  const named = (statuses: string[]) =>
    people.filter((p) => p.record && statuses.includes(p.record.status));
  const absent = named(['absent']);
  const late = named(['late', 'late_early']);
  const leave = named(['leave']);
  const list = (
    label: string,
    rows: typeof people,
    text: (p: (typeof people)[0]) => string = (p) => p.name,
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
        {(['scheduled', 'present', 'late', 'absent', 'leave', 'unrecorded'] as const).map((key) => (
          <div
            key={key}
            className={
              (key === 'absent' || key === 'late') && counts[key] > 0
                ? 'handover-count handover-count-bad'
                : 'handover-count'
            }
          >
            <div className="handover-count-value">{counts[key]}</div>
            <div className="handover-count-label">{t(`handover.staffing.${key}`)}</div>
          </div>
        ))}
      </div>
      {list(t('handover.staffing.absentees'), absent)}
      {list(t('handover.staffing.lateArrivals'), late, (p) =>
        t('handover.staffing.lateNamed', { name: p.name, minutes: p.record?.lateMinutes ?? 0 }),
      )}
      {list(t('handover.staffing.onLeave'), leave)}
      {counts.unrecorded > 0 && (
        <Typography.Paragraph type="warning" style={{ margin: '6px 0 0' }}>
          {t('handover.staffing.unrecordedHint', { count: counts.unrecorded })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
