import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RewardRecordDetail } from '../../../../shared/contract';
import { formatYuan } from '../../../../shared/domain/rewards/money';
import { useQuery, write } from '../../api/queries';
import { ClearFixedErrors } from '../../components/ClearFixedErrors';
import { showFieldErrors, useErrorText } from '../../components/errors';
import { LoadError } from '../../components/PageState';
import { useDateFormat } from '../../format';
import { EvidenceChips } from './EvidenceChip';
import { PointsText, ReasonCell, StateTag, useRecordNames, yuanText } from './record-labels';
import { goRewards, useRewardsRoute } from './route';

/** A decision that needs words: approving reduced, rejecting, revoking. */
type Step = 'reduce' | 'reject' | 'revoke';

interface Values {
  points?: number | null;
  amount?: string;
  reason?: string;
}

/**
 * One record, open over whichever 奖惩 tab shows (`record=<id>` in the address): every field, a
 * red line's account and context, its evidence, who decided what, its ledger, what an approver
 * should know first, and the buttons for what the caller may do now.
 */
export function RecordDrawer() {
  const { t } = useTranslation('rewards');
  const route = useRewardsRoute();
  const id = route.record;
  const detail = useQuery('rewards.records.get', id ? { id } : null);
  const close = () => goRewards({ ...route, record: undefined });
  const record = id && detail.data?.id === id ? detail.data : undefined;
  return (
    <Drawer
      open={!!id}
      onClose={close}
      size={720}
      destroyOnHidden
      title={
        record ? (
          <Space>
            <span>
              {record.staffName} · {record.employeeNo}
            </span>
            <StateTag record={record} />
          </Space>
        ) : (
          t('rewards.record.title')
        )
      }
      loading={!!id && !record && !detail.error}
      footer={record && <RecordActions key={record.id} record={record} />}
      data-testid="record-drawer"
    >
      {detail.error ? (
        <LoadError error={detail.error} onRetry={detail.reload} />
      ) : (
        record && <RecordBody key={record.id} record={record} />
      )}
    </Drawer>
  );
}

function RecordBody({ record }: { record: RewardRecordDetail }) {
  const { t } = useTranslation('rewards');
  const { t: tc } = useTranslation();
  const dates = useDateFormat();
  const names = useRecordNames();

  const decisionText = (d: RewardRecordDetail['decisions'][number]) => {
    const who = `${d.approver}（${tc(`role.${d.approverRole}`, { defaultValue: d.approverRole })}）`;
    const reduced =
      d.points !== null || d.amountFen !== null
        ? t('rewards.record.reducedTo', {
            points: d.points ?? record.points,
            amount: formatYuan(d.amountFen ?? record.amountFen),
          })
        : '';
    return `${t(`rewards.record.decision.${d.decision}`, { who })}${reduced}`;
  };

  return (
    <div>
      {record.redLine && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('rewards.record.redLineTitle', {
            approvals: record.approvals,
            needed: record.approvalsNeeded,
          })}
          description={t('rewards.record.redLineBody')}
        />
      )}
      {record.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="record-warnings"
          title={t('rewards.record.warningsTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {record.warnings.map((w) => (
                <li key={w.key}>
                  {t(`rewards.warnings.${w.key}`, {
                    ...w.params,
                    ...('month' in w.params && { month: dates.month(w.params.month) }),
                    ...('publishedOn' in w.params && {
                      publishedOn: dates.full(w.params.publishedOn),
                    }),
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={2}
        styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'team',
            label: t('rewards.record.team'),
            children: record.teamName ?? t('rewards.file.noTeam'),
          },
          {
            key: 'date',
            label: t('rewards.fields.eventDate'),
            children: dates.full(record.eventDate),
          },
          {
            key: 'reason',
            label: t('rewards.fields.reason'),
            children: <ReasonCell record={record} />,
          },
          {
            key: 'type',
            label: t('rewards.fields.type'),
            children: (
              <span>
                {names.type(record)}
                {record.ladderStep !== 'none' &&
                  t(`rewards.steps.${record.ladderStep}`) !== names.type(record) && (
                    <Tag style={{ marginInlineStart: 6 }}>
                      {t(`rewards.steps.${record.ladderStep}`)}
                    </Tag>
                  )}
              </span>
            ),
          },
          {
            key: 'points',
            label: t('rewards.fields.points'),
            children: <PointsText points={record.points} />,
          },
          {
            key: 'amount',
            label: t('rewards.queue.amount'),
            children: yuanText(record.amountFen),
          },
          {
            key: 'source',
            label: t('rewards.queue.source'),
            children: t(`rewards.record.sources.${record.source}`),
          },
          {
            key: 'proposer',
            label: t('rewards.record.proposedBy'),
            children: `${record.proposedBy} · ${dates.time(record.createdAt)}`,
          },
          {
            key: 'ref',
            label: t('rewards.fields.externalRef'),
            children: record.externalRef ?? '—',
          },
          {
            key: 'expires',
            label: t('rewards.record.expiresOn'),
            children: record.expiresOn ? dates.full(record.expiresOn) : '—',
          },
          {
            key: 'description',
            label: t('rewards.fields.description'),
            span: 2,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{record.description}</span>,
          },
          ...(record.redLine || record.agentExplanation || record.context
            ? [
                {
                  key: 'explanation',
                  label: t('rewards.fields.agentExplanation'),
                  span: 2,
                  children: (
                    <span style={{ whiteSpace: 'pre-wrap' }}>
                      {record.agentExplanation ?? t('rewards.record.missing')}
                    </span>
                  ),
                },
                {
                  key: 'context',
                  label: t('rewards.record.context'),
                  span: 2,
                  children: (
                    <span style={{ whiteSpace: 'pre-wrap' }}>
                      {record.context ?? t('rewards.record.missing')}
                    </span>
                  ),
                },
              ]
            : []),
          {
            key: 'evidence',
            label: t('rewards.record.evidence'),
            span: 2,
            children: <EvidenceChips items={record.evidence} />,
          },
          ...(record.revokeReason
            ? [
                {
                  key: 'revoked',
                  label: t('rewards.record.revokedBy'),
                  span: 2,
                  children: `${record.revokedBy ?? ''} · ${record.revokedAt ? dates.time(record.revokedAt) : ''} · ${record.revokeReason}`,
                },
              ]
            : []),
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('rewards.record.decisions')}
      </Typography.Title>
      {record.decisions.length === 0 ? (
        <Typography.Text type="secondary">{t('rewards.record.noDecisions')}</Typography.Text>
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={record.decisions.map((d, i) => ({
            key: i,
            color: d.decision === 'approve' ? 'green' : 'red',
            content: (
              <div data-testid="record-decision">
                <div>
                  {decisionText(d)}{' '}
                  <Typography.Text type="secondary">{dates.time(d.at)}</Typography.Text>
                </div>
                {d.reason && (
                  <Typography.Text type="secondary">
                    {t('rewards.record.because', { reason: d.reason })}
                  </Typography.Text>
                )}
              </div>
            ),
          }))}
        />
      )}

      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('rewards.record.ledger')}
      </Typography.Title>
      <Table
        size="small"
        rowKey={(e) => `${e.kind}:${e.date}:${e.points}`}
        dataSource={record.ledger}
        pagination={false}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('rewards.record.noLedger')}
            />
          ),
        }}
        columns={[
          {
            title: t('rewards.record.ledgerKind'),
            render: (_, e) => t(`rewards.record.ledgerKinds.${e.kind}`),
          },
          { title: t('rewards.record.ledgerDate'), render: (_, e) => dates.full(e.date) },
          {
            title: t('rewards.fields.points'),
            align: 'right',
            render: (_, e) => <PointsText points={e.points} />,
          },
        ]}
      />
    </div>
  );
}

/** What the caller may do now, in the drawer's footer so it stays in view: the buttons, or the words a decision needs. */
function RecordActions({ record }: { record: RewardRecordDetail }) {
  const { t: tc } = useTranslation();
  const { t } = useTranslation('rewards');
  const { message } = App.useApp();
  const { errorText, issueText } = useErrorText();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState<Step>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const can = (a: RewardRecordDetail['actions'][number]) => record.actions.includes(a);

  const done = (text: string) => {
    message.success(text);
    setStep(undefined);
    setRefusal(undefined);
    form.resetFields();
  };
  const failed = (error: Parameters<typeof errorText>[0]) => {
    if (!showFieldErrors(form, error, issueText)) setRefusal(errorText(error));
  };

  const approve = async () => {
    setBusy(true);
    setRefusal(undefined);
    const result = await write('rewards.records.approve', { id: record.id });
    setBusy(false);
    if (!result.ok) return failed(result.error);
    done(
      t(
        result.value.state === 'approved'
          ? 'rewards.record.approved'
          : 'rewards.record.firstApproval',
        { approvals: result.value.approvals, needed: result.value.approvalsNeeded },
      ),
    );
  };

  const submitStep = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setRefusal(undefined);
    const reason = v.reason?.trim() ?? '';
    const result =
      step === 'reduce'
        ? await write('rewards.records.approve', {
            id: record.id,
            // Only what the approver lowered: an unchanged figure is not a reduction.
            points: v.points === undefined || v.points === record.points ? null : v.points,
            amount:
              !v.amount?.trim() || v.amount.trim() === formatYuan(record.amountFen)
                ? null
                : v.amount.trim(),
            reason: reason || null,
          })
        : await write(step === 'reject' ? 'rewards.records.reject' : 'rewards.records.revoke', {
            id: record.id,
            reason,
          });
    setBusy(false);
    if (!result.ok) return failed(result.error);
    done(
      t(
        step === 'reject'
          ? 'rewards.record.rejected'
          : step === 'revoke'
            ? 'rewards.record.revoked'
            : result.value.state === 'approved'
              ? 'rewards.record.approved'
              : 'rewards.record.firstApproval',
        { approvals: result.value.approvals, needed: result.value.approvalsNeeded },
      ),
    );
  };

  const open = (next: Step) => {
    setRefusal(undefined);
    form.resetFields();
    if (next === 'reduce')
      form.setFieldsValue({ points: record.points, amount: formatYuan(record.amountFen) });
    setStep(next);
  };

  if (!refusal && !step && !record.actions.some((a) => a !== 'edit')) return null;
  return (
    <div>
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={refusal}
          data-testid="record-refusal"
        />
      )}

      {step && (
        <ClearFixedErrors form={form}>
          <Form
            form={form}
            layout="vertical"
            style={{ padding: 4, background: '#fafafa', borderRadius: 6 }}
          >
            <div style={{ marginBottom: 8 }}>
              <Typography.Text strong>{t(`rewards.record.steps.${step}`)}</Typography.Text>
            </div>
            {step === 'reduce' && (
              <Space size="large">
                <Form.Item name="points" label={t('rewards.fields.points')}>
                  <InputNumber precision={0} min={-100} max={100} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name="amount" label={t('rewards.fields.amount')}>
                  <Input inputMode="decimal" suffix={t('rewards.yuan')} style={{ width: 160 }} />
                </Form.Item>
              </Space>
            )}
            <Form.Item
              name="reason"
              label={t(step === 'reduce' ? 'rewards.record.reduceReason' : 'rewards.record.reason')}
              rules={[
                { required: true, whitespace: true, message: t('rewards.record.reasonNeeded') },
              ]}
              style={{ marginTop: step === 'reduce' ? 0 : 8 }}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Space>
              <Button
                type="primary"
                danger={step !== 'reduce'}
                loading={busy}
                onClick={() => void submitStep()}
              >
                {t(`rewards.record.confirm.${step}`)}
              </Button>
              <Button onClick={() => setStep(undefined)}>{tc('common.cancel')}</Button>
            </Space>
          </Form>
        </ClearFixedErrors>
      )}

      {!step && record.actions.some((a) => a !== 'edit') && (
        <Space wrap>
          {can('approve') && (
            <Button type="primary" loading={busy} onClick={() => void approve()}>
              {t('rewards.record.actions.approve')}
            </Button>
          )}
          {can('approve') && (
            <Button onClick={() => open('reduce')}>{t('rewards.record.actions.reduce')}</Button>
          )}
          {can('reject') && (
            <Button danger onClick={() => open('reject')}>
              {t('rewards.record.actions.reject')}
            </Button>
          )}
          {can('revoke') && (
            <Button danger onClick={() => open('revoke')}>
              {t('rewards.record.actions.revoke')}
            </Button>
          )}
        </Space>
      )}
    </div>
  );
}
