import { ExperimentOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, InputNumber, Space, Switch } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceRules } from '../../../../../shared/domain/attendance';
import { useQuery, write } from '../../../api/queries';
import { ClearFixedErrors } from '../../../components/ClearFixedErrors';
import { showFieldErrors, useErrorText } from '../../../components/errors';
import { LoadError } from '../../../components/PageState';
import { useSession } from '../../../stores/session';
import { goRewards } from '../../rewards/route';
import { useWhatIfDraft } from '../../rewards/what-if-draft';

/** One rule as a sentence with its number in it, and one line on what it does. */
function Rule({ explain, children }: { explain: string; children: ReactNode }) {
  return (
    <Form.Item extra={explain} style={{ marginBottom: 20 }}>
      <Space wrap size={8}>
        {children}
      </Space>
    </Form.Item>
  );
}

/** The number rules: the field, its words' key prefix, and its largest value. */
const numberRules = [
  ['halfDayLateMinutes', 'halfDay', 480],
  ['lateCountForPenalty', 'lateCount', 31],
  ['missingPunchCountForPenalty', 'missingPunch', 31],
] as const satisfies readonly (readonly [keyof AttendanceRules, string, number])[];

/**
 * The rules' fields, inside whichever form holds them: the settings' own, or the 奖惩 what-if's
 * draft, so both read the same sentences.
 */
export function RuleFields() {
  const { t } = useTranslation('attendance');
  return (
    <>
      {numberRules.map(([name, words, max]) => (
        <Rule key={name} explain={t(`attendanceSettings.${words}Explain`)}>
          <span>{t(`attendanceSettings.${words}Before`)}</span>
          <Form.Item name={name} noStyle>
            <InputNumber
              min={0}
              max={max}
              precision={0}
              style={{ width: 90 }}
              aria-label={t(`attendanceSettings.${words}Label`)}
            />
          </Form.Item>
          <span>{t(`attendanceSettings.${words}After`)}</span>
        </Rule>
      ))}
      <Rule explain={t('attendanceSettings.absenceExplain')}>
        <Form.Item name="absenceProposesPenalty" valuePropName="checked" noStyle>
          <Switch aria-label={t('attendanceSettings.absenceLabel')} />
        </Form.Item>
        <span>{t('attendanceSettings.absenceLabel')}</span>
      </Rule>
    </>
  );
}

/** 考勤规则: when lateness counts as absence, and when the console proposes a penalty. */
export function RulesCard() {
  const { t } = useTranslation('attendance');
  const { message } = App.useApp();
  const { errorText, issueText } = useErrorText();
  const rules = useQuery('attendance.rules', {});
  const [form] = Form.useForm<AttendanceRules>();
  const [saving, setSaving] = useState(false);
  const canPreview = useSession((st) => st.can('rewards.whatIf'));
  const carryDraft = useWhatIfDraft((st) => st.carry);

  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);

  const save = async () => {
    // A cleared number box is null: the backend names the field, next to it.
    const values = form.getFieldsValue(true) as AttendanceRules;
    setSaving(true);
    const result = await write('attendance.updateRules', values);
    setSaving(false);
    if (result.ok) {
      rules.setData(result.value);
      message.success(t('attendanceSettings.rulesSaved'));
    } else if (!showFieldErrors(form, result.error, issueText)) {
      message.error(errorText(result.error));
    }
  };

  const preview = () => {
    carryDraft(form.getFieldsValue(true) as AttendanceRules);
    goRewards({ tab: 'whatIf' });
  };

  if (rules.error) return <LoadError error={rules.error} onRetry={rules.reload} />;
  return (
    <Card title={t('attendanceSettings.rules')} loading={rules.loading && !rules.data}>
      <ClearFixedErrors form={form}>
        <Form form={form} component="div">
          <RuleFields />
          <Space wrap>
            <Button type="primary" loading={saving} onClick={save}>
              {t('attendanceSettings.saveRules')}
            </Button>
            {canPreview && (
              // The unsaved rules go along to the 奖惩 what-if; nothing is saved on the way.
              <Button icon={<ExperimentOutlined />} onClick={preview}>
                {t('attendanceSettings.previewRewards')}
              </Button>
            )}
          </Space>
        </Form>
      </ClearFixedErrors>
    </Card>
  );
}
