import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../../shared/contract';
import type { AttendanceStatus } from '../../../../shared/domain/attendance';
import { useDateFormat } from '../../format';
import { STATUS_COLORS } from '../attendance/status';
import { goAttendance } from '../attendance/route';
import { goHandover } from '../handover/route';

const isStatus = (label: string | null): label is AttendanceStatus =>
  label !== null && label in STATUS_COLORS;

/**
 * One piece of evidence as a clickable tag: an attendance record (its status and day) opens that
 * person's month calendar, an attendance rule's proposal the month's proposals, a handover item
 * the handover it was written in.
 */
export function EvidenceChip({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation('rewards');
  const dates = useDateFormat();
  const open = () => {
    if (item.entity === 'handover_item')
      goHandover(item.handoverId ? { id: item.handoverId } : { tab: 'items' });
    else if (item.entity === 'attendance_record' && item.date)
      goAttendance({ month: item.date.slice(0, 7), staff: item.staffId ?? undefined });
    else if (item.entity === 'attendance_proposal' && item.date)
      goAttendance({ month: item.date, tab: 'proposals' });
  };
  let text: string;
  let color: string | undefined;
  if (item.entity === 'attendance_record') {
    const status = isStatus(item.label) ? t(`attendance:attendanceStatus.${item.label}`) : null;
    color = isStatus(item.label) ? STATUS_COLORS[item.label] : undefined;
    text = t('rewards.evidence.attendance', {
      status: status ?? t('rewards.evidence.attendanceRecord'),
      date: item.date ? dates.day(item.date) : `#${item.entityId}`,
    });
  } else if (item.entity === 'attendance_proposal') {
    color = 'geekblue';
    text = t('rewards.evidence.proposal', {
      rule: item.label ? t(`rewards.evidence.rules.${item.label}`) : '',
      month: item.date ? dates.month(item.date) : `#${item.entityId}`,
    });
  } else {
    color = 'purple';
    text = t('rewards.evidence.handover', {
      date: item.date ? dates.day(item.date) : `#${item.entityId}`,
    });
  }
  const gone = item.date === null;
  return (
    <Tag
      color={gone ? 'default' : color}
      data-testid="evidence-chip"
      role={gone ? undefined : 'link'}
      tabIndex={gone ? undefined : 0}
      title={gone ? t('rewards.evidence.gone') : t('rewards.evidence.open')}
      style={{ cursor: gone ? 'default' : 'pointer', marginInlineEnd: 4 }}
      onClick={(e) => {
        e.stopPropagation();
        if (!gone) open();
      }}
      onKeyDown={(e) => {
        if (!gone && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          e.stopPropagation();
          open();
        }
      }}
    >
      {text}
    </Tag>
  );
}

/** A record's evidence, a chip each; a dash when it has none. */
export function EvidenceChips({ items }: { items: readonly EvidenceItem[] }) {
  if (items.length === 0) return <span>—</span>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', rowGap: 4 }}>
      {items.map((item) => (
        <EvidenceChip key={`${item.entity}:${item.entityId}`} item={item} />
      ))}
    </span>
  );
}
