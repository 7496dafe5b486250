import { ClockCircleOutlined, WarningFilled } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverState, ItemPriority, ItemStatus } from '../../../../shared/domain/handover';
import { useDateFormat } from '../../format';
import { useHandoverRefs } from './refs';

/**
 * One colour per meaning on every handover screen (and the printed sheet): red is urgent, overdue
 * or disputed; green is resolved or acknowledged. A lead reads the board by colour first.
 */
const PRIORITY_COLORS: Record<ItemPriority, string> = {
  urgent: 'red',
  high: 'orange',
  normal: 'blue',
  low: 'default',
};
const ITEM_STATUS_COLORS: Record<ItemStatus, string> = {
  open: 'gold',
  in_progress: 'blue',
  resolved: 'green',
};
const STATE_COLORS: Record<HandoverState, string> = {
  draft: 'default',
  submitted: 'processing',
  disputed: 'error',
  acknowledged: 'success',
};

export function PriorityTag({ priority }: { priority: ItemPriority }) {
  const { t } = useTranslation('handover');
  return <Tag color={PRIORITY_COLORS[priority]}>{t(`handover.priority.${priority}`)}</Tag>;
}

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const { t } = useTranslation('handover');
  return <Tag color={ITEM_STATUS_COLORS[status]}>{t(`handover.itemStatus.${status}`)}</Tag>;
}

export function StateTag({ state }: { state: HandoverState }) {
  const { t } = useTranslation('handover');
  return <Tag color={STATE_COLORS[state]}>{t(`handover.state.${state}`)}</Tag>;
}

export function CategoryTag({ code }: { code: string }) {
  const { categoryName } = useHandoverRefs();
  return <Tag>{categoryName(code)}</Tag>;
}

/** A stored wall-clock time ('yyyy-MM-dd HH:mm') the way the language writes it. */
export function useWallTime() {
  const dates = useDateFormat();
  return (wall: string) => dates.time(wall.replace(' ', 'T'));
}

/** A due time; past it and unresolved, it is red with a warning sign, everywhere. */
export function DueTime({ dueAt, overdue }: { dueAt: string | null; overdue: boolean }) {
  const { t } = useTranslation('handover');
  const wallTime = useWallTime();
  if (!dueAt) return <Typography.Text type="secondary">—</Typography.Text>;
  return overdue ? (
    <Typography.Text type="danger" strong>
      <span className="handover-due-time">
        <WarningFilled /> {wallTime(dueAt)}
      </span>{' '}
      <span style={{ whiteSpace: 'nowrap' }}>{t('handover.overdue')}</span>
    </Typography.Text>
  ) : (
    <span className="handover-due-time">{wallTime(dueAt)}</span>
  );
}

/** "第 3 班" and "遗留": how long an item has been handed from shift to shift. */
export function CarriedBadges({ shifts, carried }: { shifts: number; carried: boolean }) {
  const { t } = useTranslation('handover');
  return (
    <>
      {carried && (
        <Tooltip title={t('handover.carriedHint')}>
          <Tag color="purple" icon={<ClockCircleOutlined />} data-testid="carried-badge">
            {t('handover.carried')}
          </Tag>
        </Tooltip>
      )}
      {shifts > 1 && <Tag color="magenta">{t('handover.shiftN', { n: shifts })}</Tag>}
    </>
  );
}

/** Hours since an item was written down, as "5 小时" or "2 天 3 小时". */
export function useAge() {
  const { t } = useTranslation('handover');
  return (hours: number) => {
    const whole = Math.max(0, Math.floor(hours));
    const days = Math.floor(whole / 24);
    return days > 0
      ? t('handover.ageDays', { days, hours: whole % 24 })
      : t('handover.ageHours', { hours: whole });
  };
}
