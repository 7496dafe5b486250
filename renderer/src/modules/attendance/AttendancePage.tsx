import {
  CalendarOutlined,
  LeftOutlined,
  LockOutlined,
  RightOutlined,
  SwapOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Select, Space, Tabs, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, monthOf } from '../../../../shared/domain/time';
import { useQuery } from '../../api/queries';
import { useEditor } from '../../components/FormModal';
import { EmptyState, LoadError } from '../../components/PageState';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { CalendarTab } from './month/CalendarTab';
import type { CorrectionTarget, DayCell, PersonRef } from './month/cells';
import { ClockImportModal } from './month/ClockImportModal';
import { CorrectionModal } from './month/CorrectionModal';
import { ExportButton } from './month/ExportButton';
import { LeaveModal } from './month/LeaveModal';
import { MonthCloseButton } from './month/MonthClose';
import { ProposalsTab } from './month/ProposalsTab';
import { SummaryTab } from './month/SummaryTab';
import { SwapModal } from './month/SwapModal';
import { SwapsTab } from './month/SwapsTab';
import { TeamGridTab } from './month/TeamGridTab';
import { readAttendanceRoute } from './route';

type Tab = 'summary' | 'grid' | 'calendar' | 'proposals' | 'swaps';
type Dialog = 'leave' | 'swap' | 'import';

const shiftMonth = (month: string, by: number) =>
  dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM');

/**
 * 考勤: a month of attendance for the whole center or one team. Everyone reads it; the actions
 * (import, leave, swaps, corrections, closing the month, export) show only to roles allowed them.
 */
export function AttendancePage() {
  const { t } = useTranslation('attendance');
  const { message } = App.useApp();
  const dates = useDateFormat();
  const language = useUi((s) => s.language);
  const go = useUi((s) => s.go);
  const can = useSession((s) => s.can);

  // A link may open it at a month, a person's calendar or the proposals (route.ts).
  const [start] = useState(() => readAttendanceRoute());
  const [month, setMonth] = useState(() => start.month ?? monthOf(formatDate(new Date())));
  const [teamId, setTeamId] = useState<number>();
  const [tab, setTab] = useState<Tab>(start.tab ?? (start.staff ? 'calendar' : 'summary'));
  const [person, setPerson] = useState<PersonRef>();
  const [dialog, setDialog] = useState<Dialog>();
  const correction = useEditor<CorrectionTarget>();

  const teams = useQuery('org.teams.list', {});
  const shiftTypes = useQuery('org.shiftTypes.list', {});
  const leaveTypes = useQuery('attendance.leaveTypes.list', {});
  const summary = useQuery('attendance.summary', { month, teamId });
  const grid = useQuery('attendance.month', tab === 'grid' ? { month, teamId } : null);

  // The linked person, once the month's roster has them.
  const linked = start.staff && summary.data?.people.find((p) => p.staffId === start.staff);
  useEffect(() => {
    if (linked) setPerson((old) => old ?? { ...linked, id: linked.staffId });
  }, [linked]);

  const shifts = shiftTypes.data ?? [];
  const leaves = leaveTypes.data ?? [];
  const staffIds = useMemo(
    () =>
      teamId === undefined
        ? undefined
        : new Set((summary.data?.people ?? []).map((p) => p.staffId)),
    [teamId, summary.data],
  );

  const canCorrect = can('attendance.correct');
  const openCorrection = (who: { id: number; name: string; employeeNo: string }, cell: DayCell) =>
    correction.edit({ ...cell, name: who.name, employeeNo: who.employeeNo });

  const closeDialog = () => setDialog(undefined);
  const written = (text: string) => {
    message.success(text);
    closeDialog();
  };

  if (teams.error) return <LoadError error={teams.error} onRetry={teams.reload} />;
  if (summary.error) return <LoadError error={summary.error} onRetry={summary.reload} />;
  if (teams.data && teams.data.length === 0) {
    return (
      <Card>
        <EmptyState
          title={t('attendance.noTeamsTitle')}
          body={t('attendance.noTeamsBody')}
          action={
            <Button type="primary" onClick={() => go('teams')}>
              {t('org:teams.add')}
            </Button>
          }
        />
      </Card>
    );
  }

  const closed = summary.data?.closed ?? false;
  const lockedHint = t('attendance.close.lockedAction', { month: dates.month(month) });
  const nothingScheduled =
    !!summary.data && summary.data.people.every((p) => p.scheduled === 0 && p.worked === 0);
  // A month still to come counts nothing yet: say so rather than "no schedule".
  const notStarted = !!summary.data?.through && summary.data.through < `${month}-01`;
  const emptyMonth = (
    <EmptyState
      title={t(notStarted ? 'attendance.notStartedTitle' : 'attendance.noScheduleTitle', {
        month: dates.month(month),
      })}
      body={t(notStarted ? 'attendance.notStartedBody' : 'attendance.noScheduleBody')}
      action={
        <Button type="primary" icon={<CalendarOutlined />} onClick={() => go('schedule')}>
          {t('app:home.goSchedule')}
        </Button>
      }
    />
  );

  return (
    <Card>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Button
            icon={<LeftOutlined />}
            aria-label={t('attendance.prevMonth')}
            onClick={() => setMonth(shiftMonth(month, -1))}
          />
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            format={language === 'zh-CN' ? 'YYYY年M月' : 'MMMM YYYY'}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            aria-label={t('attendance.pickMonth')}
            style={{ width: 150 }}
          />
          <Button
            icon={<RightOutlined />}
            aria-label={t('attendance.nextMonth')}
            onClick={() => setMonth(shiftMonth(month, 1))}
          />
          <Select
            style={{ width: 180 }}
            value={teamId ?? 0}
            onChange={(v: number) => setTeamId(v || undefined)}
            aria-label={t('fields.teamId')}
            options={[
              { value: 0, label: t('attendance.allTeams') },
              ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
            ]}
          />
        </Space>
        <Space wrap>
          {/* A closed month takes no more writes: the buttons say so instead of failing later. */}
          {can('attendance.previewImport') && (
            <Tooltip title={closed ? lockedHint : undefined}>
              <Button
                icon={<UploadOutlined />}
                disabled={closed}
                onClick={() => setDialog('import')}
              >
                {t('attendance.import.button')}
              </Button>
            </Tooltip>
          )}
          {can('attendance.leave') && (
            <Tooltip title={closed ? lockedHint : undefined}>
              <Button disabled={closed} onClick={() => setDialog('leave')}>
                {t('attendance.leave.button')}
              </Button>
            </Tooltip>
          )}
          {can('attendance.swap') && (
            <Tooltip title={closed ? lockedHint : undefined}>
              <Button icon={<SwapOutlined />} disabled={closed} onClick={() => setDialog('swap')}>
                {t('attendance.swap.button')}
              </Button>
            </Tooltip>
          )}
          <ExportButton month={month} teamId={teamId ?? null} />
          <MonthCloseButton month={month} closed={closed} />
        </Space>
      </Space>

      {closed && summary.data && (
        <Alert
          data-testid="attendance-closed"
          type="warning"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 12 }}
          title={t('attendance.closedBanner', {
            month: dates.month(month),
            at: summary.data.closedAt ? dates.time(summary.data.closedAt) : '',
            by: summary.data.closedBy ?? '',
          })}
          description={t('attendance.closedHint')}
        />
      )}

      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        destroyOnHidden
        items={[
          {
            key: 'summary',
            label: t('attendance.tabs.summary'),
            children: nothingScheduled ? (
              emptyMonth
            ) : (
              <SummaryTab
                summary={summary.data}
                leaveTypes={leaves}
                loading={summary.loading}
                onPerson={(p) => {
                  setPerson({ ...p, id: p.staffId });
                  setTab('calendar');
                }}
              />
            ),
          },
          {
            key: 'grid',
            label: t('attendance.tabs.grid'),
            children: nothingScheduled ? (
              emptyMonth
            ) : grid.error ? (
              <LoadError error={grid.error} onRetry={grid.reload} />
            ) : (
              <TeamGridTab
                grid={grid.data}
                shiftTypes={shifts}
                loading={grid.loading}
                onOpen={canCorrect ? openCorrection : undefined}
              />
            ),
          },
          {
            key: 'calendar',
            label: t('attendance.tabs.calendar'),
            children: (
              <CalendarTab
                month={month}
                staff={person}
                onStaff={setPerson}
                shiftTypes={shifts}
                leaveTypes={leaves}
                onOpen={canCorrect ? openCorrection : undefined}
              />
            ),
          },
          {
            key: 'proposals',
            label: t('attendance.tabs.proposals'),
            children: <ProposalsTab month={month} staffIds={staffIds} />,
          },
          {
            key: 'swaps',
            label: t('attendance.tabs.swaps'),
            children: <SwapsTab month={month} staffIds={staffIds} />,
          },
        ]}
      />

      <CorrectionModal
        target={correction.editing === 'new' ? undefined : correction.editing}
        shiftTypes={shifts}
        leaveTypes={leaves}
        closed={closed}
        onClose={correction.close}
        onSaved={() => correction.saved(t('attendance.correction.saved'))}
      />
      <LeaveModal
        open={dialog === 'leave'}
        leaveTypes={leaves}
        onClose={closeDialog}
        onSaved={(count) => written(t('attendance.leave.saved', { count }))}
      />
      <SwapModal
        open={dialog === 'swap'}
        onClose={closeDialog}
        onSaved={() => written(t('attendance.swap.saved'))}
      />
      <ClockImportModal
        open={dialog === 'import'}
        shiftTypes={shifts}
        onClose={closeDialog}
        onApplied={(r) => written(t('attendance.import.applied', r))}
      />
    </Card>
  );
}
