import { CheckSquareOutlined, ScheduleOutlined, SettingOutlined } from '@ant-design/icons';
import { defineModule, lazyNamed } from '../module';

/** 考勤: roll-call, the month's attendance, and the administrator's attendance settings. */
export const attendance = defineModule({
  name: 'attendance',
  pages: [
    {
      key: 'rollCall',
      icon: CheckSquareOutlined,
      page: lazyNamed(() => import('./RollCallPage'), 'RollCallPage'),
      needs: 'attendance.rollCall',
      order: 20,
      teamData: true,
    },
    {
      key: 'attendance',
      icon: ScheduleOutlined,
      page: lazyNamed(() => import('./AttendancePage'), 'AttendancePage'),
      needs: 'attendance.summary',
      order: 30,
      teamData: true,
    },
    {
      key: 'attendanceSettings',
      icon: SettingOutlined,
      page: lazyNamed(() => import('./AttendanceSettingsPage'), 'AttendanceSettingsPage'),
      needs: 'attendance.leaveTypes.create',
      order: 90,
    },
  ],
  invalidates: {
    // A handover's staffing is its shift's attendance.
    'attendance.': ['attendance.', 'handover.'],
    // A swap moves both people in the schedule.
    'attendance.swap': ['attendance.', 'handover.', 'org.schedule.'],
  },
});
