import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../stores/ui';
import { shiftMonth } from './month-money';

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
