import {
  CalendarOutlined,
  ClockCircleOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { defineModule, lazyNamed } from '../module';

/** The organisation: weekly schedule, staff roster, teams and shift types. */
export const org = defineModule({
  name: 'org',
  pages: [
    {
      key: 'schedule',
      icon: CalendarOutlined,
      page: lazyNamed(() => import('./SchedulePage'), 'SchedulePage'),
      needs: 'org.schedule.week',
      order: 50,
      teamData: true,
    },
    {
      key: 'roster',
      icon: UserOutlined,
      page: lazyNamed(() => import('./RosterPage'), 'RosterPage'),
      needs: 'org.staff.list',
      order: 60,
    },
    {
      key: 'teams',
      icon: TeamOutlined,
      page: lazyNamed(() => import('./TeamsPage'), 'TeamsPage'),
      needs: 'org.teams.list',
      order: 70,
    },
    {
      key: 'shiftTypes',
      icon: ClockCircleOutlined,
      page: lazyNamed(() => import('./ShiftTypesPage'), 'ShiftTypesPage'),
      needs: 'org.shiftTypes.list',
      order: 80,
    },
  ],
  // People, teams, shifts and the schedule are what attendance counts and handovers name.
  invalidates: { 'org.': ['org.', 'attendance.', 'handover.'] },
});
