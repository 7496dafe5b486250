import { addressParams, pageAddress } from '../../components/page-address';

/**
 * Where the attendance month page opens, when a link names it (an evidence chip): a month, and
 * one person's calendar or the month's proposals. The page keeps its own state after that.
 */
export interface AttendanceRoute {
  month?: string;
  staff?: number;
  tab?: 'calendar' | 'proposals';
}

export function readAttendanceRoute(hash: string = window.location.hash): AttendanceRoute {
  const params = addressParams(hash);
  const month = params.get('month');
  const tab = params.get('tab');
  return {
    month: month && /^\d{4}-\d{2}$/.test(month) ? month : undefined,
    staff: Number(params.get('staff')) || undefined,
    tab: tab === 'calendar' || tab === 'proposals' ? tab : undefined,
  };
}

export const attendanceHash = (route: AttendanceRoute): string =>
  pageAddress('attendance', { ...route });

/** Opens the attendance month page at a month (and a person's calendar), as a history entry. */
export function goAttendance(route: AttendanceRoute) {
  window.location.hash = attendanceHash(route);
}
