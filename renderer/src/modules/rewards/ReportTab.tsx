import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Modal,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RewardsMonthReport, RewardType } from '../../../../shared/contract';
import { compareEmployeeNo } from '../../../../shared/domain/org';
import { api } from '../../api/client';
import { useQuery } from '../../api/queries';
import { Chart } from '../../components/Chart';
import { useErrorText } from '../../components/errors';
import { EmptyState, LoadError } from '../../components/PageState';
import { saveFile } from '../../download';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { Faded, MonthBar } from './figures';
import { lastMonth, yuanText } from './month-money';
import { goRewards, useRewardsRoute } from './route';
import { useElapsed } from '../../components/use-elapsed';

type Person = RewardsMonthReport['people'][number];
type TeamRow = RewardsMonthReport['teams'][number];
type Figures = RewardsMonthReport['totals'];

const REWARD_COLOR = '#389e0d';
const PENALTY_COLOR = '#cf1322';

/**
 * A column wide enough for its header: the longest word (a run of Chinese kept whole), padding
 * and the sort icon, so 奖励金额（元） never breaks mid-word.
 */
function headerWidth(title: string, min = 64) {
  const longest = Math.max(
    ...title
      .split(/\s+/)
      .map((word) => [...word].reduce((sum, ch) => sum + (ch.charCodeAt(0) >= 0x2e80 ? 14 : 8), 0)),
  );
  return Math.max(min, longest + 40);
}

/** The money and points columns the person and team tables share, so both read alike. */
function useFigureColumns<T extends Figures>(sortable: boolean): TableColumnsType<T> {
  const { t } = useTranslation('rewards');
  return useMemo(() => {
    const column = (key: keyof Figures, title: string, money: boolean) => ({
      key,
      title,
      width: headerWidth(title, money ? 100 : 64),
      align: 'right' as const,
      sorter: sortable ? (a: T, b: T) => a[key] - b[key] : undefined,
      render: (_: unknown, row: T) => {
        const value = row[key];
        const text = money ? yuanText(value) : String(value);
        if (key === 'netFen' && value !== 0)
          return <b style={{ color: value < 0 ? PENALTY_COLOR : REWARD_COLOR }}>{text}</b>;
        return <Faded value={value} text={text} />;
      },
    });
    return [
      column('records', t('rewards.file.columns.records'), false),
      column('rewardFen', t('rewards.file.columns.reward'), true),
      column('deductionFen', t('rewards.file.columns.deduction'), true),
      column('netFen', t('rewards.file.columns.net'), true),
      column('pointsGained', t('rewards.file.columns.gained'), false),
      column('pointsLost', t('rewards.file.columns.lost'), false),
    ];
  }, [t, sortable]);
}

const widthOf = (columns: TableColumnsType<never>): number =>
  columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0);

type FileKind = 'xlsx' | 'csv' | 'payroll';

/** 导出: the report as XLSX or CSV, and the payroll pack, in the screen's language, for HR. */
function ReportFiles({ month }: { month: string }) {
  const { t } = useTranslation('rewards');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const can = useSession((s) => s.can);
  const language = useUi((s) => s.language);
  const [running, setRunning] = useState<FileKind>();
  const seconds = useElapsed(!!running);

  const run = async (kind: FileKind) => {
    setRunning(kind);
    const result =
      kind === 'payroll'
        ? await api.call('rewards.payrollPack', { month, language })
        : await api.call('rewards.exportReport', { month, format: kind, language });
    setRunning(undefined);
    if (!result.ok) {
      message.error(errorText(result.error));
      return;
    }
    saveFile(result.value.fileName, result.value.contentBase64);
    message.success(t('rewards.report.exported', { name: result.value.fileName }));
  };

  const buttons = [
    can('rewards.exportReport') && (
      <Button key="xlsx" icon={<DownloadOutlined />} onClick={() => void run('xlsx')}>
        {t('rewards.report.exportXlsx')}
      </Button>
    ),
    can('rewards.exportReport') && (
      <Button key="csv" icon={<DownloadOutlined />} onClick={() => void run('csv')}>
        {t('rewards.report.exportCsv')}
      </Button>
    ),
    can('rewards.payrollPack') && (
      <Button key="payroll" icon={<FileExcelOutlined />} onClick={() => void run('payroll')}>
        {t('rewards.report.payrollPack')}
      </Button>
    ),
  ].filter(Boolean);
  if (buttons.length === 0) return null;
  return (
    <>
      <Space wrap>{buttons}</Space>
      <Modal
        open={!!running}
        title={t('rewards.report.running')}
        footer={null}
        closable={false}
        maskClosable={false}
        keyboard={false}
        width={420}
        // Gone once closed: a hidden spinner left in the page would read as still busy.
        destroyOnHidden
      >
        {running && (
          // The backend reports no progress, so a spinner and the time so far, not a fake bar.
          <div data-testid="export-progress" style={{ display: 'flex', gap: 16, padding: '8px 0' }}>
            <Spin size="large" />
            <div>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t(`rewards.report.runningKind.${running}`)}
                {' · '}
                {t('rewards.report.elapsed', { seconds })}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('rewards.report.wait')}</Typography.Text>
            </div>
          </div>
        )}
      </Modal>
    </>
  );
}

function Totals({ totals }: { totals: Figures }) {
  const { t } = useTranslation('rewards');
  const items: [string, React.ReactNode, string?][] = [
    [t('rewards.report.totals.records'), totals.records],
    [t('rewards.report.totals.reward'), `¥${yuanText(totals.rewardFen)}`, REWARD_COLOR],
    [t('rewards.report.totals.deduction'), `¥${yuanText(totals.deductionFen)}`, PENALTY_COLOR],
    [t('rewards.report.totals.net'), `¥${yuanText(totals.netFen)}`],
    [t('rewards.report.totals.gained'), totals.pointsGained],
    [t('rewards.report.totals.lost'), totals.pointsLost],
  ];
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="rewards-report-totals">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(6, 1fr)', gap: 16 }}>
        {items.map(([title, value, color]) => (
          <Statistic
            key={title}
            title={title}
            value={value as string}
            styles={{ content: { fontSize: 20, ...(color && { color }) } }}
          />
        ))}
      </div>
    </Card>
  );
}

function ReportCharts({ report }: { report: RewardsMonthReport }) {
  const { t, i18n } = useTranslation('rewards');
  const zh = i18n.language.startsWith('zh');
  const [teamOption, reasonOption] = useMemo((): EChartsCoreOption[] => {
    const names = report.teams.map((row) => row.teamName ?? t('org:roster.unassigned'));
    // Yuan for the chart's bars only; every figure a person reads comes from the fen as text.
    const yuan = (fen: number) => fen / 100;
    const reasons = [...report.byReason].reverse();
    return [
      {
        grid: { left: 64, right: 16, top: 36, bottom: 32 },
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => `¥${v.toFixed(2)}` },
        legend: { top: 0 },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
        yAxis: { type: 'value' },
        series: [
          {
            type: 'bar',
            name: t('rewards.report.chart.reward'),
            barMaxWidth: 28,
            data: report.teams.map((row) => yuan(row.rewardFen)),
            itemStyle: { color: REWARD_COLOR },
          },
          {
            type: 'bar',
            name: t('rewards.report.chart.deduction'),
            barMaxWidth: 28,
            data: report.teams.map((row) => yuan(row.deductionFen)),
            itemStyle: { color: PENALTY_COLOR },
          },
        ],
      },
      {
        grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: {
          type: 'category',
          data: reasons.map((r) => (zh ? r.nameZh : r.nameEn)),
          axisLabel: { interval: 0 },
        },
        series: [
          {
            type: 'bar',
            stack: 'records',
            name: t('rewards.report.chart.rewards'),
            barMaxWidth: 18,
            data: reasons.map((r) => r.rewards),
            itemStyle: { color: REWARD_COLOR },
          },
          {
            type: 'bar',
            stack: 'records',
            name: t('rewards.report.chart.penalties'),
            barMaxWidth: 18,
            data: reasons.map((r) => r.penalties),
            itemStyle: { color: PENALTY_COLOR },
          },
        ],
      },
    ];
  }, [report, t, zh]);
  const reasonHeight = Math.max(200, 60 + report.byReason.length * 26);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16, marginBottom: 16 }}>
      <Card size="small" title={t('rewards.report.chart.byTeam')}>
        <Chart
          option={teamOption!}
          height={reasonHeight}
          label={t('rewards.report.chart.byTeam')}
        />
      </Card>
      <Card size="small" title={t('rewards.report.chart.byReason')}>
        <Chart
          option={reasonOption!}
          height={reasonHeight}
          label={t('rewards.report.chart.byReason')}
        />
      </Card>
    </div>
  );
}

function ReportTables({ report, types }: { report: RewardsMonthReport; types: RewardType[] }) {
  const { t, i18n } = useTranslation('rewards');
  const zh = i18n.language.startsWith('zh');
  const personFigures = useFigureColumns<Person>(true);
  const teamFigures = useFigureColumns<TeamRow>(false);
  // A count column for each type the month used, in the catalog's order.
  const usedTypes = useMemo(() => {
    const used = new Set(report.people.flatMap((p) => p.byType.map((x) => x.typeId)));
    return types.filter((x) => used.has(x.id));
  }, [report, types]);
  const countOf = (person: Person, typeId: number) =>
    person.byType.find((x) => x.typeId === typeId)?.records ?? 0;

  const whoWidths = [
    headerWidth(t('rewards.report.employeeNo'), 96),
    headerWidth(t('rewards.report.name'), 96),
    headerWidth(t('rewards.report.team'), 110),
  ] as const;
  // The month's counts by type in one column, however many types it used (the files have one
  // column per type); the types in the catalog's order.
  const typeColumn = {
    key: 'byType',
    title: t('rewards.report.byType'),
    width: 220,
    render: (_: unknown, person: Person) => (
      <Space size={[4, 2]} wrap>
        {usedTypes
          .filter((type) => countOf(person, type.id) > 0)
          .map((type) => (
            <Tag key={type.id} color={type.kind === 'reward' ? 'green' : 'red'}>
              {zh ? type.nameZh : type.nameEn} {countOf(person, type.id)}
            </Tag>
          ))}
      </Space>
    ),
  };
  const personColumns: TableColumnsType<Person> = [
    {
      key: 'employeeNo',
      title: t('rewards.report.employeeNo'),
      dataIndex: 'employeeNo',
      width: whoWidths[0],
      fixed: 'left',
      sorter: (a, b) => compareEmployeeNo(a.employeeNo, b.employeeNo),
      defaultSortOrder: 'ascend',
    },
    {
      key: 'name',
      title: t('rewards.report.name'),
      width: whoWidths[1],
      fixed: 'left',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (_, person) => (
        <Typography.Link onClick={() => goRewards({ tab: 'person', staff: person.staffId })}>
          {person.name}
        </Typography.Link>
      ),
    },
    {
      key: 'team',
      title: t('rewards.report.team'),
      width: whoWidths[2],
      sorter: (a, b) => (a.teamName ?? '').localeCompare(b.teamName ?? '', 'zh-CN'),
      render: (_, person) => person.teamName ?? t('org:roster.unassigned'),
    },
    ...personFigures,
    typeColumn,
  ];
  const teamColumns: TableColumnsType<TeamRow> = [
    {
      key: 'team',
      title: t('rewards.report.team'),
      width: whoWidths[0] + whoWidths[1] + whoWidths[2],
      fixed: 'left',
      render: (_, row) => <b>{row.teamName ?? t('org:roster.unassigned')}</b>,
    },
    ...teamFigures,
  ];
  const width = widthOf(personColumns as TableColumnsType<never>);
  const totalsCells = (
    [
      ['records', false],
      ['rewardFen', true],
      ['deductionFen', true],
      ['netFen', true],
      ['pointsGained', false],
      ['pointsLost', false],
    ] as const
  ).map(([key, money], i) => (
    <Table.Summary.Cell key={key} index={i + 1} align="right">
      <b>{money ? yuanText(report.totals[key]) : report.totals[key]}</b>
    </Table.Summary.Cell>
  ));

  return (
    <>
      <Table<TeamRow>
        data-testid="rewards-report-teams"
        size="small"
        bordered
        rowKey={(row) => row.teamId ?? 0}
        dataSource={report.teams}
        columns={teamColumns}
        pagination={false}
        scroll={{ x: widthOf(teamColumns as TableColumnsType<never>) }}
        style={{ marginBottom: 16 }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <b>{t('rewards.report.total')}</b>
            </Table.Summary.Cell>
            {totalsCells}
          </Table.Summary.Row>
        )}
      />
      {/* Virtualized: a 600-person center scrolls and sorts without paging. */}
      <Table<Person>
        data-testid="rewards-report-people"
        size="small"
        bordered
        virtual
        rowKey="staffId"
        dataSource={report.people}
        columns={personColumns}
        pagination={false}
        scroll={{ x: width, y: 'calc(100vh - 320px)' }}
        title={() => t('rewards.report.peopleTitle', { count: report.people.length })}
      />
    </>
  );
}

/**
 * 奖惩月报: the month's approved records per team and person, with charts, for payroll; HR
 * downloads it as XLSX or CSV, or the payroll pack with the attendance summary beside it.
 */
export function ReportTab() {
  const { t } = useTranslation('rewards');
  const dates = useDateFormat();
  const route = useRewardsRoute();
  const month = route.month ?? lastMonth();
  const report = useQuery('rewards.monthReport', { month });
  const catalog = useQuery('rewards.catalog', {});
  const setMonth = (next: string) => goRewards({ tab: 'report', month: next });

  const data = report.data?.month === month ? report.data : undefined;
  return (
    <div>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <MonthBar month={month} onChange={setMonth} />
          <Typography.Text type="secondary">{t('rewards.report.approvedOnly')}</Typography.Text>
        </Space>
        <ReportFiles month={month} />
      </Space>
      {report.error ? (
        <LoadError error={report.error} onRetry={report.reload} />
      ) : !data ? (
        <Card loading />
      ) : data.people.length === 0 ? (
        <Card>
          <EmptyState
            title={t('rewards.report.emptyTitle', { month: dates.month(month) })}
            body={t('rewards.report.emptyBody')}
          />
        </Card>
      ) : (
        <Spin spinning={report.loading}>
          <Totals totals={data.totals} />
          <ReportCharts report={data} />
          <ReportTables report={data} types={catalog.data?.types ?? []} />
        </Spin>
      )}
    </div>
  );
}
