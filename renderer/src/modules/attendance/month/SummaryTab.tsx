import { Alert, Card, Table, Typography, type TableColumnsType } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaveType, MonthSummary, SummaryFigures } from '../../../../../shared/contract';
import { compareEmployeeNo } from '../../../../../shared/domain/org';
import { Chart } from '../../../components/Chart';
import { useDateFormat } from '../../../format';
import { useLeaveTypeName } from '../status';
import { useStatusPalette } from './cells';

type Person = MonthSummary['people'][number];
type TeamRow = MonthSummary['teams'][number];

/** Below this attendance rate a figure is shown in red: someone should look at it. */
const LOW_RATE = 0.9;

const ratePercent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Zeros fade, so the few non-zero lateness and absence figures in a long table stand out. */
function Num({ value }: { value: number }) {
  return <span style={value === 0 ? { color: '#bfbfbf' } : undefined}>{value}</span>;
}

function Rate({ rate }: { rate: number | null }) {
  const percent = ratePercent(rate);
  if (percent === null) return <span style={{ color: '#bfbfbf' }}>—</span>;
  return (
    <span style={{ color: rate !== null && rate < LOW_RATE ? '#cf1322' : undefined }}>
      {percent.toFixed(1)}%
    </span>
  );
}

/**
 * A column wide enough for its header on as few lines as it breaks into: the longest word (a run
 * of Chinese is kept whole), padding, and the sort icon, so 应出勤 never wraps to 应出/勤.
 */
function headerWidth(title: string, min = 56) {
  const longest = Math.max(
    ...title
      .split(/\s+/)
      .map((word) => [...word].reduce((sum, ch) => sum + (ch.charCodeAt(0) >= 0x2e80 ? 14 : 8), 0)),
  );
  return Math.max(min, longest + 40);
}

const leaveTotal = (figures: SummaryFigures) =>
  Object.values(figures.leave).reduce((sum, n) => sum + n, 0);

/**
 * The figure columns shared by the per-person table and the team totals, so both read the same.
 * Leave shows one column per leave type used this month, plus the total.
 */
function useFigureColumns<T extends SummaryFigures>(usedLeave: LeaveType[], sortable: boolean) {
  const { t } = useTranslation('attendance');
  const leaveTypeName = useLeaveTypeName();
  return useMemo((): TableColumnsType<T> => {
    const num = (key: keyof SummaryFigures, title: string) => ({
      key,
      title,
      width: headerWidth(title),
      align: 'right' as const,
      sorter: sortable ? (a: T, b: T) => (a[key] as number) - (b[key] as number) : undefined,
      render: (_: unknown, row: T) => <Num value={row[key] as number} />,
    });
    // The rate stands beside the two figures it is made of, not fixed at the right edge: a
    // fixed column at 1366 px covered the leave, overtime and unrecorded columns as they scrolled.
    return [
      num('scheduled', t('attendance.summary.scheduled')),
      num('worked', t('attendance.summary.worked')),
      {
        key: 'attendanceRate',
        title: t('attendance.summary.rate'),
        width: headerWidth(t('attendance.summary.rate'), 72),
        align: 'right' as const,
        sorter: sortable
          ? (a: T, b: T) => (a.attendanceRate ?? -1) - (b.attendanceRate ?? -1)
          : undefined,
        render: (_: unknown, row: T) => <Rate rate={row.attendanceRate} />,
      },
      {
        title: t('attendance.summary.late'),
        children: [
          num('lateCount', t('attendance.summary.times')),
          num('lateMinutes', t('attendance.summary.minutes')),
        ],
      },
      {
        title: t('attendance.summary.early'),
        children: [
          num('earlyCount', t('attendance.summary.times')),
          num('earlyMinutes', t('attendance.summary.minutes')),
        ],
      },
      num('missingPunchCount', t('attendance.summary.missingPunch')),
      num('absenceDays', t('attendance.summary.absenceDays')),
      {
        title: t('attendance.summary.leave'),
        children: [
          ...usedLeave.map((l) => ({
            key: `leave.${l.id}`,
            title: leaveTypeName(l),
            width: headerWidth(leaveTypeName(l)),
            align: 'right' as const,
            sorter: sortable
              ? (a: T, b: T) => (a.leave[l.id] ?? 0) - (b.leave[l.id] ?? 0)
              : undefined,
            render: (_: unknown, row: T) => <Num value={row.leave[l.id] ?? 0} />,
          })),
          {
            key: 'leave.total',
            title: t('attendance.summary.leaveTotal'),
            width: headerWidth(t('attendance.summary.leaveTotal')),
            align: 'right' as const,
            sorter: sortable ? (a: T, b: T) => leaveTotal(a) - leaveTotal(b) : undefined,
            render: (_: unknown, row: T) => <Num value={leaveTotal(row)} />,
          },
        ],
      },
      num('overtimeHours', t('attendance.summary.overtimeHours')),
      num('unrecorded', t('attendance.summary.unrecorded')),
    ];
  }, [t, leaveTypeName, usedLeave, sortable]);
}

const widthOf = (columns: TableColumnsType<never>): number =>
  columns.reduce(
    (sum, c) => sum + ('children' in c && c.children ? widthOf(c.children) : Number(c.width ?? 0)),
    0,
  );

function TeamCharts({ teams }: { teams: TeamRow[] }) {
  const { t } = useTranslation('attendance');
  const palette = useStatusPalette();

  const [rateOption, countOption] = useMemo((): EChartsCoreOption[] => {
    const names = teams.map((row) => row.teamName ?? t('org:roster.unassigned'));
    const xAxis = { type: 'category', data: names, axisLabel: { interval: 0 } };
    return [
      {
        grid: { left: 48, right: 16, top: 24, bottom: 32 },
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
        xAxis,
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        series: [
          {
            type: 'bar',
            name: t('attendance.summary.rate'),
            barMaxWidth: 40,
            data: teams.map((row) => ratePercent(row.attendanceRate)),
            itemStyle: { color: palette('present').solid },
            label: { show: true, position: 'top', formatter: '{c}%' },
          },
        ],
      },
      {
        grid: { left: 40, right: 16, top: 36, bottom: 32 },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        xAxis,
        yAxis: { type: 'value', minInterval: 1 },
        // The status colours of the tags and the grid, so a chart and a table read alike.
        series: (
          [
            ['lateCount', 'late', t('attendance.summary.lateCount')],
            ['earlyCount', 'early_leave', t('attendance.summary.earlyCount')],
            ['absenceDays', 'absent', t('attendance.summary.absenceDays')],
          ] as const
        ).map(([key, status, name]) => ({
          type: 'bar',
          name,
          barMaxWidth: 28,
          data: teams.map((row) => row[key]),
          itemStyle: { color: palette(status).solid },
          label: { show: true, position: 'top' },
        })),
      },
    ];
  }, [teams, t, palette]);

  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16, marginBottom: 16 }}>
      <Card size="small" title={t('attendance.summary.rateByTeam')}>
        <Chart option={rateOption!} height={200} label={t('attendance.summary.rateByTeam')} />
      </Card>
      <Card size="small" title={t('attendance.summary.countsByTeam')}>
        <Chart option={countOption!} height={200} label={t('attendance.summary.countsByTeam')} />
      </Card>
    </div>
  );
}

/**
 * 月度汇总: the team figures as charts and a totals table, then one row per person. The person
 * table is virtualized, so a 600-person center scrolls and sorts without paging.
 */
export function SummaryTab({
  summary,
  leaveTypes,
  loading,
  onPerson,
}: {
  summary: MonthSummary | undefined;
  leaveTypes: LeaveType[];
  loading: boolean;
  /** Opens one person's calendar. */
  onPerson: (person: Person) => void;
}) {
  const { t } = useTranslation('attendance');
  const dates = useDateFormat();
  const people = useMemo(() => summary?.people ?? [], [summary]);
  const teams = useMemo(() => summary?.teams ?? [], [summary]);
  const usedLeave = useMemo(() => {
    const used = new Set(
      teams.flatMap((row) => Object.keys(row.leave).filter((k) => row.leave[k])),
    );
    return leaveTypes.filter((l) => used.has(String(l.id)));
  }, [teams, leaveTypes]);
  const personFigures = useFigureColumns<Person>(usedLeave, true);
  const teamFigures = useFigureColumns<TeamRow>(usedLeave, false);

  // Who-columns of the person table; the team totals' name column spans the same width, so the
  // figures of both tables line up.
  const whoWidths = [
    headerWidth(t('fields.employeeNo'), 96),
    headerWidth(t('fields.name'), 90),
    headerWidth(t('fields.teamId'), 110),
  ] as const;
  const personColumns: TableColumnsType<Person> = [
    {
      key: 'employeeNo',
      title: t('fields.employeeNo'),
      dataIndex: 'employeeNo',
      width: whoWidths[0],
      fixed: 'left',
      sorter: (a, b) => compareEmployeeNo(a.employeeNo, b.employeeNo),
      defaultSortOrder: 'ascend',
    },
    {
      key: 'name',
      title: t('fields.name'),
      width: whoWidths[1],
      fixed: 'left',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (_, person) => (
        <Typography.Link onClick={() => onPerson(person)}>{person.name}</Typography.Link>
      ),
    },
    {
      key: 'team',
      title: t('fields.teamId'),
      width: whoWidths[2],
      sorter: (a, b) => (a.teamName ?? '').localeCompare(b.teamName ?? '', 'zh-CN'),
      render: (_, person) => person.teamName ?? t('org:roster.unassigned'),
    },
    ...personFigures,
  ];
  const teamColumns: TableColumnsType<TeamRow> = [
    {
      key: 'team',
      title: t('fields.teamId'),
      width: whoWidths[0] + whoWidths[1] + whoWidths[2],
      fixed: 'left',
      render: (_, row) => <b>{row.teamName ?? t('org:roster.unassigned')}</b>,
    },
    ...teamFigures,
  ];
  const width = widthOf(personColumns as TableColumnsType<never>);

  return (
    <div>
      {summary?.through && (
        <Alert
          data-testid="attendance-through"
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('attendance.summary.inProgress', {
            through: `${dates.day(summary.through.slice(0, 10))} ${summary.through.slice(11)}`,
          })}
        />
      )}
      {teams.length > 0 && <TeamCharts teams={teams} />}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('attendance.summary.rateRule')}
      </Typography.Paragraph>
      <Table<TeamRow>
        data-testid="attendance-team-totals"
        size="small"
        bordered
        rowKey={(row) => row.teamId ?? 0}
        dataSource={teams}
        columns={teamColumns}
        pagination={false}
        loading={loading}
        scroll={{ x: width }}
        style={{ marginBottom: 16 }}
      />
      <Table<Person>
        data-testid="attendance-people"
        size="small"
        bordered
        virtual
        rowKey="staffId"
        dataSource={people}
        columns={personColumns}
        pagination={false}
        loading={loading}
        scroll={{ x: width, y: 'calc(100vh - 360px)' }}
        title={() => t('attendance.summary.peopleTitle', { count: people.length })}
      />
    </div>
  );
}
