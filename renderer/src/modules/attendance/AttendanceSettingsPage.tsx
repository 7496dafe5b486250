import { Space } from 'antd';
import { LeaveTypesCard } from './settings/LeaveTypesCard';
import { RulesCard } from './settings/RulesCard';

/** 考勤设置 (administrator): the leave types and the attendance rules. */
export function AttendanceSettingsPage() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <RulesCard />
      <LeaveTypesCard />
    </Space>
  );
}
