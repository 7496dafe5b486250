import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../../shared/domain/rewards/money';
import { useQuery, write } from '../../api/queries';
import { ClearFixedErrors } from '../../components/ClearFixedErrors';
import { showFieldErrors, useErrorText } from '../../components/errors';
import { StaffSelect } from '../attendance/month/StaffSelect';

interface Values {
  staffId?: number;
  eventDate?: Dayjs;
  reasonId?: number;
  typeId?: number;
  points?: number;
  amount?: string;
  description?: string;
  externalRef?: string;
  agentExplanation?: string;
  context?: string;
}

/**
 * 奖惩提议: a supervisor (or manager) proposes a record for one person. The reason picks the type,
 * the type the points and amount (yuan as text, exact to the fen); the ladder's next step for the
 * person's active warnings shows while proposing; a 客服天条 red line asks for the agent's account.
 */
export function ProposePage() {
  const { t, i18n } = useTranslation('rewards');
  const { message } = App.useApp();
  const { errorText, issueText } = useErrorText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const catalog = useQuery('rewards.catalog', {});
  const staffId = Form.useWatch('staffId', form);
  const reasonId = Form.useWatch('reasonId', form);
  const typeId = Form.useWatch('typeId', form);
  const person = useQuery(
    'rewards.person',
    staffId ? { staffId, reasonId: reasonId ?? null } : null,
  );
  const zh = i18n.language.startsWith('zh');
  const types = catalog.data?.types.filter((x) => x.active) ?? [];
  const reasons = catalog.data?.reasons.filter((x) => x.active) ?? [];
  const reason = reasons.find((r) => r.id === reasonId);
  const typeById = (id?: number | null) => types.find((x) => x.id === id);
  const nameOf = (x: { nameZh: string; nameEn: string }) => (zh ? x.nameZh : x.nameEn);

  const applyType = (id?: number | null) => {
    const type = typeById(id);
    if (type)
      form.setFieldsValue({
        typeId: type.id,
        points: type.defaultPoints,
        amount: formatYuan(type.defaultAmountFen),
      });
  };

  const group = (label: string, list: typeof reasons) => ({
    label,
    options: list.map((r) => ({ value: r.id, label: nameOf(r) })),
  });
  const kindOf = (r: (typeof reasons)[number]) => typeById(r.defaultTypeId)?.kind;
  const reasonOptions = [
    group(
      t('rewards.reasonGroups.redLine'),
      reasons.filter((r) => r.redLine),
    ),
    group(
      t('rewards.reasonGroups.penalty'),
      reasons.filter((r) => !r.redLine && kindOf(r) === 'penalty'),
    ),
    group(
      t('rewards.reasonGroups.reward'),
      reasons.filter((r) => !r.redLine && kindOf(r) === 'reward'),
    ),
  ].filter((g) => g.options.length > 0);

  const suggestion = person.data?.suggestion;
  const suggestedType = typeById(suggestion?.typeId);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    const result = await write('rewards.records.propose', {
      staffId: v.staffId!,
      eventDate: v.eventDate!.format('YYYY-MM-DD'),
      reasonId: v.reasonId!,
      typeId: v.typeId ?? null,
      points: v.points ?? null,
      amount: v.amount?.trim() ? v.amount.trim() : null,
      description: v.description ?? '',
      externalRef: v.externalRef ?? null,
      agentExplanation: v.agentExplanation ?? null,
      context: v.context ?? null,
      evidence: [],
    });
    setSaving(false);
    if (result.ok) {
      message.success(t('rewards.propose.saved'));
      form.resetFields();
    } else if (!showFieldErrors(form, result.error, issueText))
      message.error(errorText(result.error));
  };

  return (
    <Card title={t('rewards.propose.title')} style={{ maxWidth: 960 }}>
      <ClearFixedErrors form={form}>
        <Form form={form} layout="vertical" initialValues={{ eventDate: dayjs() }}>
          <Form.Item name="staffId" label={t('rewards.fields.person')} rules={[{ required: true }]}>
            <StaffSelect aria-label={t('rewards.fields.person')} />
          </Form.Item>
          <Form.Item
            name="eventDate"
            label={t('rewards.fields.eventDate')}
            rules={[{ required: true }]}
          >
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item
            name="reasonId"
            label={t('rewards.fields.reason')}
            rules={[{ required: true }]}
          >
            <Select
              aria-label={t('rewards.fields.reason')}
              options={reasonOptions}
              loading={catalog.loading}
              onChange={(id: number) => applyType(reasons.find((r) => r.id === id)?.defaultTypeId)}
            />
          </Form.Item>
          {reason?.redLine && (
            <Alert
              type="error"
              showIcon
              message={t('rewards.propose.redLine')}
              style={{ marginBottom: 16 }}
            />
          )}
          {suggestion && suggestion.step !== 'none' && (
            <Alert
              type={suggestion.escalated ? 'warning' : 'info'}
              showIcon
              style={{ marginBottom: 16 }}
              message={t(
                suggestion.basis === 'none'
                  ? 'rewards.propose.suggestionFirst'
                  : 'rewards.propose.suggestion',
                {
                  step: t(`rewards.steps.${suggestion.step}`),
                  basis: t(`rewards.steps.${suggestion.basis}`),
                },
              )}
              action={
                suggestedType &&
                suggestedType.id !== typeId && (
                  <Button size="small" onClick={() => applyType(suggestedType.id)}>
                    {t('rewards.propose.useSuggestion', { type: nameOf(suggestedType) })}
                  </Button>
                )
              }
            />
          )}
          {person.data && person.data.warnings.length > 0 && (
            <div style={{ marginBottom: 16 }}>
              {t('rewards.propose.activeWarnings')}{' '}
              {person.data.warnings.map((w) => (
                <Tag key={w.recordId} color="orange">
                  {zh ? w.typeZh : w.typeEn} · {t('rewards.fallsOff', { date: w.fallsOffOn })}
                </Tag>
              ))}
            </div>
          )}
          <Form.Item name="typeId" label={t('rewards.fields.type')}>
            <Select
              aria-label={t('rewards.fields.type')}
              options={types.map((x) => ({ value: x.id, label: nameOf(x) }))}
              onChange={(id: number) => applyType(id)}
            />
          </Form.Item>
          <Form.Item name="points" label={t('rewards.fields.points')}>
            <InputNumber precision={0} min={-100} max={100} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="amount" label={t('rewards.fields.amount')}>
            <Input inputMode="decimal" suffix={t('rewards.yuan')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('rewards.fields.description')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="externalRef" label={t('rewards.fields.externalRef')}>
            <Input maxLength={60} />
          </Form.Item>
          {reason?.redLine && (
            <>
              <Form.Item
                name="agentExplanation"
                label={t('rewards.fields.agentExplanation')}
                rules={[{ required: true }]}
              >
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item
                name="context"
                label={t('rewards.fields.context')}
                rules={[{ required: true }]}
              >
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          )}
          <Button type="primary" loading={saving} onClick={() => void submit()}>
            {t('rewards.propose.submit')}
          </Button>
        </Form>
      </ClearFixedErrors>
    </Card>
  );
}
