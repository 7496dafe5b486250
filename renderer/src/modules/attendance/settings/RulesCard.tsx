import { App, Button, Card, Form, InputNumber, Space, Switch } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceRules } from '../../../../../shared/domain/attendance';
import { useQuery, write } from '../../../api/queries';
import { showFieldErrors, useErrorText } from '../../../components/errors';
import { LoadError } from '../../../components/PageState';

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

/** 考勤规则: when lateness counts as absence, and when the console proposes a penalty. */
export function RulesCard() {
  const { t } = useTranslation('attendance');
  const { message } = App.useApp();
  const { errorText, issueText } = useErrorText();
  const rules = useQuery('attendance.rules', {});
  const [form] = Form.useForm<AttendanceRules>();
  const [saving, setSaving] = useState(false);

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

  if (rules.error) return <LoadError error={rules.error} onRetry={rules.reload} />;
  return (
    <Card title={t('attendanceSettings.rules')} loading={rules.loading && !rules.data}>
      <Form form={form} component="div">
        <Rule explain={t('attendanceSettings.halfDayExplain')}>
          <span>{t('attendanceSettings.halfDayBefore')}</span>
          <Form.Item name="halfDayLateMinutes" noStyle>
            <InputNumber
              min={0}
              max={480}
              precision={0}
              style={{ width: 90 }}
              aria-label={t('attendanceSettings.halfDayLabel')}
            />
          </Form.Item>
          <span>{t('attendanceSettings.halfDayAfter')}</span>
        </Rule>
        <Rule explain={t('attendanceSettings.lateCountExplain')}>
          <span>{t('attendanceSettings.lateCountBefore')}</span>
          <Form.Item name="lateCountForPenalty" noStyle>
            <InputNumber
              min={0}
              max={31}
              precision={0}
              style={{ width: 90 }}
              aria-label={t('attendanceSettings.lateCountLabel')}
            />
          </Form.Item>
          <span>{t('attendanceSettings.lateCountAfter')}</span>
        </Rule>
        <Rule explain={t('attendanceSettings.missingPunchExplain')}>
          <span>{t('attendanceSettings.missingPunchBefore')}</span>
          <Form.Item name="missingPunchCountForPenalty" noStyle>
            <InputNumber
              min={0}
              max={31}
              precision={0}
              style={{ width: 90 }}
              aria-label={t('attendanceSettings.missingPunchLabel')}
            />
          </Form.Item>
          <span>{t('attendanceSettings.missingPunchAfter')}</span>
        </Rule>
        <Rule explain={t('attendanceSettings.absenceExplain')}>
          <Form.Item name="absenceProposesPenalty" valuePropName="checked" noStyle>
            <Switch aria-label={t('attendanceSettings.absenceLabel')} />
          </Form.Item>
          <span>{t('attendanceSettings.absenceLabel')}</span>
        </Rule>
        <Button type="primary" loading={saving} onClick={save}>
          {t('attendanceSettings.saveRules')}
        </Button>
      </Form>
    </Card>
  );
}
