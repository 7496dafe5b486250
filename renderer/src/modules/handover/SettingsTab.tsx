import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Radio,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverSettings, ItemCategoryDef } from '../../../../shared/contract';
import { ITEM_CATEGORIES } from '../../../../shared/domain/handover';
import { ClearFixedErrors } from '../../components/ClearFixedErrors';
import { showFieldErrors, useErrorText } from '../../components/errors';
import { LoadError } from '../../components/PageState';
import { useQuery, write } from '../../api/queries';
import { clearFieldErrors } from './forms';

const DEFAULT_CODES = new Set<string>(ITEM_CATEGORIES);

/**
 * 交接班设置 (admin): how long the incoming lead has to sign, one handover per team or for the
 * whole floor, and the item categories — the seven defaults plus the center's own.
 */
export function SettingsTab() {
  const { t } = useTranslation('handover');
  const { message } = App.useApp();
  const { errorText, issueText } = useErrorText();
  const settings = useQuery('handover.settings', {});
  const [form] = Form.useForm<HandoverSettings>();
  const [saving, setSaving] = useState(false);
  // The saved categories come first in the list; rows after them are new.
  const savedCount = settings.data?.categories.length ?? 0;

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  if (settings.error) return <LoadError error={settings.error} onRetry={settings.reload} />;

  const save = async () => {
    setSaving(true);
    const result = await write('handover.updateSettings', form.getFieldsValue(true));
    setSaving(false);
    if (result.ok) {
      clearFieldErrors(form);
      message.success(t('common.saved'));
    } else if (!showFieldErrors(form, result.error, issueText)) {
      message.error(errorText(result.error));
    }
  };

  return (
    <Card loading={!settings.data} style={{ maxWidth: 900 }}>
      <ClearFixedErrors form={form}>
        <Form form={form} layout="vertical">
          <Form.Item
            name="ackDeadlineMinutes"
            label={t('fields.ackDeadlineMinutes')}
            extra={t('handover.settings.ackDeadlineHint')}
          >
            <InputNumber
              min={5}
              max={24 * 60}
              suffix={t('handover.settings.minutes')}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item
            name="scope"
            label={t('fields.scope')}
            extra={t('handover.settings.scopeHint')}
          >
            <Radio.Group
              options={[
                { value: 'team', label: t('handover.settings.scopeTeam') },
                { value: 'floor', label: t('handover.settings.scopeFloor') },
              ]}
            />
          </Form.Item>
          <Typography.Title level={5}>{t('fields.categories')}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('handover.settings.categoriesHint')}
          </Typography.Paragraph>
          <Form.List name="categories">
            {(fields, { add }) => (
              <>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={fields}
                  columns={[
                    {
                      title: t('handover.settings.categoryName'),
                      key: 'name',
                      render: (_, field) => {
                        const code = form.getFieldValue([
                          'categories',
                          field.name,
                          'code',
                        ]) as string;
                        const translated = DEFAULT_CODES.has(code);
                        return translated ? (
                          <Typography.Text>{t(`handover.category.${code}`)}</Typography.Text>
                        ) : (
                          <Form.Item name={[field.name, 'name']} style={{ margin: 0 }}>
                            <Input
                              maxLength={20}
                              aria-label={t('handover.settings.categoryName')}
                              placeholder={t('handover.settings.namePlaceholder')}
                            />
                          </Form.Item>
                        );
                      },
                    },
                    {
                      title: t('fields.code'),
                      key: 'code',
                      width: 240,
                      render: (_, field) => (
                        <Form.Item name={[field.name, 'code']} style={{ margin: 0 }}>
                          <Input
                            maxLength={30}
                            aria-label={t('fields.code')}
                            placeholder="vip_callback"
                            // A saved code is the key of its items: renaming it would orphan them.
                            disabled={field.name < savedCount}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('handover.settings.inUse'),
                      key: 'active',
                      width: 100,
                      render: (_, field) => (
                        <Form.Item
                          name={[field.name, 'active']}
                          valuePropName="checked"
                          style={{ margin: 0 }}
                        >
                          <Switch aria-label={t('handover.settings.inUse')} />
                        </Form.Item>
                      ),
                    },
                  ]}
                />
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  style={{ marginTop: 8 }}
                  onClick={() =>
                    add({ code: '', name: '', active: true } satisfies ItemCategoryDef)
                  }
                >
                  {t('handover.settings.addCategory')}
                </Button>
              </>
            )}
          </Form.List>
          <div style={{ marginTop: 24 }}>
            <Button type="primary" loading={saving} onClick={() => void save()}>
              {t('common.save')}
            </Button>
          </div>
        </Form>
      </ClearFixedErrors>
    </Card>
  );
}
