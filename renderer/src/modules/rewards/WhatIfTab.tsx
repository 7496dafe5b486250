import { ExperimentOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Space,
  Spin,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RewardsWhatIf, RewardType } from '../../../../shared/contract';
import type { AttendanceRules } from '../../../../shared/domain/attendance';
import { compareEmployeeNo } from '../../../../shared/domain/org';
import { ATTENDANCE_RULE_REASONS } from '../../../../shared/domain/rewards';
import { formatYuan, parseYuan } from '../../../../shared/domain/rewards/money';
import { api } from '../../api/client';
import { useQuery } from '../../api/queries';
import { Chart } from '../../components/Chart';
import { useErrorText } from '../../components/errors';
import { LoadError } from '../../components/PageState';
import { useDateFormat } from '../../format';
import { RuleFields } from '../attendance/settings/RulesCard';
import { Faded, MonthBar } from './figures';
import { lastMonth, yuanText } from './month-money';
import { goRewards, useRewardsRoute } from './route';
import { useWhatIfDraft } from './what-if-draft';

type Person = RewardsWhatIf['people'][number];
type Figures = RewardsWhatIf['totals']['actual'];

const ACTUAL_COLOR = '#8c8c8c';
const DRAFT_COLOR = '#d46b08';

/** The change from what was to the draft, signed, marked when there is one. */
function Change({ from, to, text }: { from: number; to: number; text?: (n: number) => string }) {
  const diff = to - from;
  if (diff === 0) return null;
  const shown = text ? text(Math.abs(diff)) : String(Math.abs(diff));
  return (
    <Tag color="orange" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
      {diff > 0 ? '+' : '−'}
      {shown}
    </Tag>
  );
}

/** One figure as it was and under the draft: 3 → 5 (+2). */
function Pair({ actual, draft, money }: { actual: number; draft: number; money?: boolean }) {
  const text = (n: number) => (money ? yuanText(n) : String(n));
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Faded value={actual} text={text(actual)} />
      {' → '}
      <span style={actual !== draft ? { fontWeight: 600, color: DRAFT_COLOR } : undefined}>
        {text(draft)}
      </span>
      <Change from={actual} to={draft} text={money ? yuanText : undefined} />
    </span>
  );
}

/** The types whose points and amount the attendance rules' proposals carry: a reason's default. */
function useRuleTypes(): { type: RewardType; reasons: string[] }[] | undefined {
  const { i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const catalog = useQuery('rewards.catalog', {});
  return useMemo(() => {
    if (!catalog.data) return undefined;
    const rows = new Map<number, { type: RewardType; reasons: string[] }>();
    for (const code of Object.values(ATTENDANCE_RULE_REASONS)) {
      const reason = catalog.data.reasons.find((r) => r.code === code);
      const type = catalog.data.types.find((x) => x.id === reason?.defaultTypeId);
      if (!reason || !type) continue;
      const row = rows.get(type.id) ?? { type, reasons: [] };
      row.reasons.push(zh ? reason.nameZh : reason.nameEn);
      rows.set(type.id, row);
    }
    return [...rows.values()];
  }, [catalog.data, zh]);
}

function TypeDrafts({ rows }: { rows: { type: RewardType; reasons: string[] }[] }) {
  const { t, i18n } = useTranslation('rewards');
  const zh = i18n.language.startsWith('zh');
  const drafts = useWhatIfDraft((s) => s.types);
  const editType = useWhatIfDraft((s) => s.editType);
  const draftOf = (type: RewardType) =>
    drafts[type.id] ?? { points: type.defaultPoints, amount: formatYuan(type.defaultAmountFen) };
  const columns: TableColumnsType<(typeof rows)[number]> = [
    {
      key: 'type',
      title: t('rewards.whatIfPage.type'),
      render: (_, { type, reasons }) => (
        <div>
          <div>{zh ? type.nameZh : type.nameEn}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rewards.whatIfPage.usedBy', { reasons: reasons.join(zh ? '、' : ', ') })}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'points',
      title: t('rewards.whatIfPage.points'),
      width: 130,
      render: (_, { type }) => (
        <Space orientation="vertical" size={0}>
          <InputNumber
            min={type.kind === 'penalty' ? -100 : 0}
            max={type.kind === 'penalty' ? 0 : 100}
            precision={0}
            style={{ width: 90 }}
            value={draftOf(type).points}
            aria-label={t('rewards.whatIfPage.pointsOf', { name: zh ? type.nameZh : type.nameEn })}
            onChange={(points) => editType(type.id, { ...draftOf(type), points })}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('rewards.whatIfPage.saved', { value: type.defaultPoints })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'amount',
      title: t('rewards.whatIfPage.amount'),
      width: 150,
      render: (_, { type }) => {
        const amount = draftOf(type).amount;
        const valid = parseYuan(amount) !== null && parseYuan(amount)! >= 0;
        return (
          <Space orientation="vertical" size={0}>
            <Input
              style={{ width: 110 }}
              value={amount}
              status={valid ? undefined : 'error'}
              aria-label={t('rewards.whatIfPage.amountOf', {
                name: zh ? type.nameZh : type.nameEn,
              })}
              onChange={(e) => editType(type.id, { ...draftOf(type), amount: e.target.value })}
            />
            <Typography.Text type={valid ? 'secondary' : 'danger'} style={{ fontSize: 12 }}>
              {valid
                ? t('rewards.whatIfPage.saved', { value: yuanText(type.defaultAmountFen) })
                : t('validation.yuan')}
            </Typography.Text>
          </Space>
        );
      },
    },
  ];
  return (
    <Table
      size="small"
      rowKey={(row) => row.type.id}
      dataSource={rows}
      columns={columns}
      pagination={false}
    />
  );
}

function TotalsCompare({ totals }: { totals: RewardsWhatIf['totals'] }) {
  const { t } = useTranslation('rewards');
  const items: [string, keyof Figures, boolean][] = [
    [t('rewards.whatIfPage.proposals'), 'proposals', false],
    [t('rewards.whatIfPage.pointsTotal'), 'points', false],
    [t('rewards.whatIfPage.amountTotal'), 'amountFen', true],
  ];
  return (
    <div
      data-testid="what-if-totals"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 16, marginBottom: 16 }}
    >
      {items.map(([title, key, money]) => {
        const text = (n: number) => (money ? `¥${yuanText(n)}` : String(n));
        return (
          <Card size="small" key={key} title={title}>
            <Space size={24} align="end" wrap>
              <div>
                <Typography.Text type="secondary">{t('rewards.whatIfPage.actual')}</Typography.Text>
                <div style={{ fontSize: 20 }}>{text(totals.actual[key])}</div>
              </div>
              <div>
                <Typography.Text type="secondary">{t('rewards.whatIfPage.draft')}</Typography.Text>
                <div
                  style={{
                    fontSize: 20,
                    ...(totals.actual[key] !== totals.draft[key] && {
                      color: DRAFT_COLOR,
                      fontWeight: 600,
                    }),
                  }}
                >
                  {text(totals.draft[key])}
                  <Change
                    from={totals.actual[key]}
                    to={totals.draft[key]}
                    text={money ? yuanText : undefined}
                  />
                </div>
              </div>
            </Space>
          </Card>
        );
      })}
    </div>
  );
}

function TeamChart({ people }: { people: Person[] }) {
  const { t } = useTranslation('rewards');
  const option = useMemo((): EChartsCoreOption => {
    const teams = new Map<string, { actual: number; draft: number }>();
    for (const p of people) {
      const name = p.teamName ?? t('org:roster.unassigned');
      const row = teams.get(name) ?? { actual: 0, draft: 0 };
      row.actual += p.actual.proposals;
      row.draft += p.draft.proposals;
      teams.set(name, row);
    }
    const names = [...teams.keys()];
    return {
      grid: { left: 40, right: 16, top: 36, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('rewards.whatIfPage.actual'),
          barMaxWidth: 28,
          data: names.map((n) => teams.get(n)!.actual),
          itemStyle: { color: ACTUAL_COLOR },
          label: { show: true, position: 'top' },
        },
        {
          type: 'bar',
          name: t('rewards.whatIfPage.draft'),
          barMaxWidth: 28,
          data: names.map((n) => teams.get(n)!.draft),
          itemStyle: { color: DRAFT_COLOR },
          label: { show: true, position: 'top' },
        },
      ],
    };
  }, [people, t]);
  return (
    <Card size="small" title={t('rewards.whatIfPage.chart')} style={{ marginBottom: 16 }}>
      <Chart option={option} height={200} label={t('rewards.whatIfPage.chart')} />
    </Card>
  );
}

function PeopleCompare({ people }: { people: Person[] }) {
  const { t } = useTranslation('rewards');
  const [changedOnly, setChangedOnly] = useState(false);
  const changed = (p: Person) =>
    p.actual.proposals !== p.draft.proposals ||
    p.actual.points !== p.draft.points ||
    p.actual.amountFen !== p.draft.amountFen;
  const shown = changedOnly ? people.filter(changed) : people;
  const pair = (key: keyof Figures, title: string, money = false) => ({
    key,
    title,
    width: money ? 210 : 150,
    align: 'right' as const,
    sorter: (a: Person, b: Person) => a.draft[key] - a.actual[key] - (b.draft[key] - b.actual[key]),
    render: (_: unknown, p: Person) => (
      <Pair actual={p.actual[key]} draft={p.draft[key]} money={money} />
    ),
  });
  const columns: TableColumnsType<Person> = [
    {
      key: 'employeeNo',
      title: t('rewards.report.employeeNo'),
      dataIndex: 'employeeNo',
      width: 96,
      fixed: 'left',
      sorter: (a, b) => compareEmployeeNo(a.employeeNo, b.employeeNo),
      defaultSortOrder: 'ascend',
    },
    {
      key: 'name',
      title: t('rewards.report.name'),
      width: 110,
      fixed: 'left',
      render: (_, p) => (
        <Space size={4}>
          {p.name}
          {changed(p) && <Tag color="orange">{t('rewards.whatIfPage.changed')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'team',
      title: t('rewards.report.team'),
      width: 110,
      render: (_, p) => p.teamName ?? t('org:roster.unassigned'),
    },
    pair('proposals', t('rewards.whatIfPage.proposals')),
    pair('points', t('rewards.whatIfPage.pointsTotal')),
    pair('amountFen', t('rewards.whatIfPage.amountTotal'), true),
  ];
  return (
    <Table<Person>
      data-testid="what-if-people"
      size="small"
      bordered
      virtual
      rowKey="staffId"
      dataSource={shown}
      columns={columns}
      pagination={false}
      scroll={{ x: 96 + 110 + 110 + 150 + 150 + 210, y: 'calc(100vh - 320px)' }}
      title={() => (
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>
            {t('rewards.whatIfPage.peopleTitle', {
              count: people.length,
              changed: people.filter(changed).length,
            })}
          </span>
          <Space size={6}>
            <Switch size="small" checked={changedOnly} onChange={setChangedOnly} />
            <span>{t('rewards.whatIfPage.changedOnly')}</span>
          </Space>
        </Space>
      )}
    />
  );
}

/**
 * 规则预演: a month of recorded attendance replayed under draft attendance rules and draft type
 * defaults, per person and in total, beside what the month really produced. Nothing is saved:
 * the drafts live in memory until the user saves them where they belong.
 */
export function WhatIfTab() {
  const { t } = useTranslation('rewards');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const dates = useDateFormat();
  const route = useRewardsRoute();
  const month = route.month ?? lastMonth();
  const saved = useQuery('attendance.rules', {});
  const ruleTypes = useRuleTypes();
  const draft = useWhatIfDraft();
  const [form] = Form.useForm<AttendanceRules>();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RewardsWhatIf>();
  const resultBox = useRef<HTMLDivElement>(null);
  // A new result scrolls into view: the drafts above it fill the screen.
  useEffect(() => {
    if (result) resultBox.current?.scrollIntoView({ block: 'start' });
  }, [result]);

  // The draft, or the rules as saved while there is none.
  const start = draft.rules ?? saved.data;
  useEffect(() => {
    if (start) form.setFieldsValue(start);
    // Only when the starting point changes (loaded, carried over, reset), not on each edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved.data, draft.carried, draft.rules === null, form]);

  const setMonth = (next: string) => {
    setResult(undefined);
    goRewards({ tab: 'whatIf', month: next });
  };

  const preview = async () => {
    const rules = form.getFieldsValue(true) as AttendanceRules;
    const types = (ruleTypes ?? []).map(({ type }) => {
      const d = draft.types[type.id];
      return {
        typeId: type.id,
        defaultPoints: d?.points ?? type.defaultPoints,
        defaultAmount: d?.amount ?? formatYuan(type.defaultAmountFen),
      };
    });
    setRunning(true);
    const answer = await api.call('rewards.whatIf', { month, rules, types });
    setRunning(false);
    if (answer.ok) setResult(answer.value);
    else message.error(errorText(answer.error));
  };

  if (saved.error) return <LoadError error={saved.error} onRetry={saved.reload} />;
  return (
    <div>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="what-if-nothing-saved"
        title={t('rewards.whatIfPage.nothingSaved')}
        description={t('rewards.whatIfPage.nothingSavedBody')}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <MonthBar month={month} onChange={setMonth} />
        <Button
          type="primary"
          icon={<ExperimentOutlined />}
          loading={running}
          disabled={!start || !ruleTypes}
          onClick={() => void preview()}
        >
          {t('rewards.whatIfPage.preview', { month: dates.month(month) })}
        </Button>
        {draft.carried && <Tag color="orange">{t('rewards.whatIfPage.carried')}</Tag>}
      </Space>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
          gap: 16,
          marginBottom: 16,
        }}
      >
        <Card
          size="small"
          title={t('rewards.whatIfPage.rules')}
          loading={!start}
          extra={
            <Button
              size="small"
              icon={<UndoOutlined />}
              onClick={() => {
                draft.reset();
                if (saved.data) form.setFieldsValue(saved.data);
              }}
            >
              {t('rewards.whatIfPage.reset')}
            </Button>
          }
        >
          <Form
            form={form}
            component="div"
            onValuesChange={() => draft.editRules(form.getFieldsValue(true) as AttendanceRules)}
          >
            <RuleFields />
          </Form>
        </Card>
        <Card size="small" title={t('rewards.whatIfPage.types')} loading={!ruleTypes}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('rewards.whatIfPage.typesHint')}
          </Typography.Paragraph>
          {ruleTypes && <TypeDrafts rows={ruleTypes} />}
        </Card>
      </div>
      {result && (
        <div ref={resultBox} style={{ scrollMarginTop: 16 }}>
          <Spin spinning={running}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('rewards.whatIfPage.resultTitle', { month: dates.month(result.month) })}
            </Typography.Title>
            <TotalsCompare totals={result.totals} />
            {result.people.length === 0 ? (
              <Alert type="info" showIcon title={t('rewards.whatIfPage.nobody')} />
            ) : (
              <>
                <TeamChart people={result.people} />
                <PeopleCompare people={result.people} />
              </>
            )}
          </Spin>
        </div>
      )}
    </div>
  );
}
