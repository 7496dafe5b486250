import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../../shared/domain/rewards/money';
import { useUi } from '../../stores/ui';

/** The month before this one, YYYY-MM: the month a payroll report or a what-if is usually about. */
export const lastMonth = () => dayjs().startOf('month').subtract(1, 'month').format('YYYY-MM');

export const shiftMonth = (month: string, by: number) =>
  dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM');

/** Fen as yuan text grouped in thousands, digit by digit (never through a float): 1,234.50. */
export function yuanText(fen: number): string {
  const [whole, cents] = formatYuan(fen).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** A figure in a table: zeros fade, so the few that matter in a long table stand out. */
export function Faded({ value, text }: { value: number; text?: string }) {
  return (
    <span style={value === 0 ? { color: '#bfbfbf' } : undefined}>{text ?? String(value)}</span>
  );
}

/** The month a tab is about: previous, a month picker, next. */
export function MonthBar({
  month,
  onChange,
}: {
  month: string;
  onChange: (month: string) => void;
}) {
  const { t } = useTranslation('attendance');
  const language = useUi((s) => s.language);
  return (
    <Space.Compact>
      <Button
        icon={<LeftOutlined />}
        aria-label={t('attendance.prevMonth')}
        onClick={() => onChange(shiftMonth(month, -1))}
      />
      <DatePicker
        picker="month"
        allowClear={false}
        value={dayjs(`${month}-01`)}
        format={language === 'zh-CN' ? 'YYYY年M月' : 'MMMM YYYY'}
        onChange={(d) => d && onChange(d.format('YYYY-MM'))}
        aria-label={t('attendance.pickMonth')}
        style={{ width: 150 }}
      />
      <Button
        icon={<RightOutlined />}
        aria-label={t('attendance.nextMonth')}
        onClick={() => onChange(shiftMonth(month, 1))}
      />
    </Space.Compact>
  );
}
