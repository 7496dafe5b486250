import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RewardRecord } from '../../../../shared/contract';
import { formatYuan } from '../../../../shared/domain/rewards/money';

/** A record's names in the user's language: reason, type. */
export function useRecordNames() {
  const { i18n } = useTranslation('rewards');
  const zh = i18n.language.startsWith('zh');
  return {
    reason: (r: Pick<RewardRecord, 'reasonZh' | 'reasonEn'>) => (zh ? r.reasonZh : r.reasonEn),
    type: (r: Pick<RewardRecord, 'typeZh' | 'typeEn'>) => (zh ? r.typeZh : r.typeEn),
  };
}

/** The reason, a red line (客服天条) marked red. */
export function ReasonCell({ record }: { record: RewardRecord }) {
  const { t } = useTranslation('rewards');
  const names = useRecordNames();
  return (
    <span>
      {record.redLine && (
        <Tag color="red" style={{ marginInlineEnd: 4 }}>
          {t('rewards.record.redLine')}
        </Tag>
      )}
      {names.reason(record)}
    </span>
  );
}

/** Points with their sign, a penalty's red, a reward's green. */
export function PointsText({ points }: { points: number }) {
  return (
    <Typography.Text type={points < 0 ? 'danger' : points > 0 ? 'success' : undefined}>
      {points > 0 ? `+${points}` : points}
    </Typography.Text>
  );
}

/** An amount in yuan, exact to the fen; a dash for none. */
export const yuanText = (fen: number) => (fen === 0 ? '—' : `¥${formatYuan(fen)}`);

const STATE_COLORS: Record<RewardRecord['state'], string> = {
  proposed: 'orange',
  approved: 'green',
  rejected: 'default',
  revoked: 'purple',
};

/** The record's state; a red line still waiting says how many of its approvals it has. */
export function StateTag({ record }: { record: RewardRecord }) {
  const { t } = useTranslation('rewards');
  const partly = record.state === 'proposed' && record.approvals > 0;
  return (
    <Tag color={STATE_COLORS[record.state]}>
      {partly
        ? t('rewards.record.awaitingSecond', {
            approvals: record.approvals,
            needed: record.approvalsNeeded,
          })
        : t(`rewards.record.states.${record.state}`)}
    </Tag>
  );
}
