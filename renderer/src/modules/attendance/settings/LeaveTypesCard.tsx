import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Switch, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaveType } from '../../../../../shared/contract';
import { useQuery, write } from '../../../api/queries';
import { FormModal, useEditor } from '../../../components/FormModal';
import { EmptyState, LoadError } from '../../../components/PageState';
import { useLeaveTypeName } from '../status';

type LeaveTypeValues = Partial<Omit<LeaveType, 'id'>>;

function LeaveTypeModal({
  leaveType,
  onClose,
  onSaved,
}: {
  leaveType?: LeaveType | 'new';
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation('attendance');
  const leaveTypeName = useLeaveTypeName();
  const [form] = Form.useForm<LeaveTypeValues>();
  const existing = leaveType && leaveType !== 'new' ? leaveType : undefined;
  // A default type is named by the interface language, so its stored name would never show.
  const translated = !!existing && i18n.exists(`attendance:leaveType.${existing.code}`);

  useEffect(() => {
    if (!leaveType) return;
    form.resetFields();
    form.setFieldsValue(existing ?? { paid: false, active: true });
  }, [leaveType, existing, form]);

  const submit = () => {
    const v = form.getFieldsValue(true) as LeaveTypeValues;
    const input = {
      code: existing?.code ?? v.code ?? '',
      name: v.name ?? '',
      paid: v.paid ?? false,
      active: v.active ?? true,
    };
    return existing
      ? write('attendance.leaveTypes.update', { ...input, id: existing.id })
      : write('attendance.leaveTypes.create', input);
  };

  return (
    <FormModal
      open={!!leaveType}
      title={
        existing
          ? t('attendanceSettings.editLeaveType', { name: leaveTypeName(existing) })
          : t('attendanceSettings.addLeaveType')
      }
      form={form}
      submit={submit}
      onSaved={onSaved}
      onClose={onClose}
      entity="leaveType"
      width={480}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label={t('attendanceSettings.leaveName')}
          required
          extra={translated ? t('attendanceSettings.defaultNameHint') : undefined}
        >
          <Input
            autoFocus
            maxLength={20}
            disabled={translated}
            placeholder={t('attendanceSettings.namePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('fields.code')}
          required
          extra={t(existing ? 'attendanceSettings.codeFixed' : 'attendanceSettings.codeHint')}
        >
          <Input maxLength={20} disabled={!!existing} placeholder="family_visit" />
        </Form.Item>
        <Form.Item
          name="paid"
          label={t('attendanceSettings.paid')}
          valuePropName="checked"
          extra={t('attendanceSettings.paidHint')}
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="active"
          label={t('fields.active')}
          valuePropName="checked"
          extra={t('attendanceSettings.activeHint')}
        >
          <Switch />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 假别: what a lead can choose when someone is on leave, and whether it is paid. */
export function LeaveTypesCard() {
  const { t } = useTranslation('attendance');
  const leaveTypeName = useLeaveTypeName();
  const leaveTypes = useQuery('attendance.leaveTypes.list', {});
  const editor = useEditor<LeaveType>();

  return (
    <Card
      title={t('attendanceSettings.leaveTypes')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.edit('new')}>
          {t('attendanceSettings.addLeaveType')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('attendanceSettings.leaveTypesHint')}
      </Typography.Paragraph>
      {leaveTypes.error ? (
        <LoadError error={leaveTypes.error} onRetry={leaveTypes.reload} />
      ) : (
        <Table<LeaveType>
          rowKey="id"
          size="small"
          loading={leaveTypes.loading}
          dataSource={leaveTypes.data ?? []}
          pagination={false}
          locale={{
            emptyText: (
              <EmptyState
                title={t('attendanceSettings.noLeaveTypesTitle')}
                body={t('attendanceSettings.noLeaveTypesBody')}
              />
            ),
          }}
          columns={[
            {
              title: t('attendanceSettings.leaveName'),
              key: 'name',
              width: 200,
              render: (_, row) => (
                <span style={{ whiteSpace: 'nowrap' }}>{leaveTypeName(row)}</span>
              ),
            },
            { title: t('fields.code'), dataIndex: 'code', width: 160 },
            {
              title: t('attendanceSettings.paid'),
              dataIndex: 'paid',
              width: 120,
              render: (paid: boolean) =>
                paid ? (
                  <Tag color="green">{t('attendanceSettings.paidYes')}</Tag>
                ) : (
                  <Tag>{t('attendanceSettings.paidNo')}</Tag>
                ),
            },
            {
              title: t('fields.status'),
              dataIndex: 'active',
              width: 120,
              render: (active: boolean) =>
                active ? (
                  <Tag color="blue">{t('attendanceSettings.inUse')}</Tag>
                ) : (
                  <Tag>{t('attendanceSettings.inactive')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, row) => (
                <Button type="link" onClick={() => editor.edit(row)}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <LeaveTypeModal
        leaveType={editor.editing}
        onClose={editor.close}
        onSaved={() => editor.saved()}
      />
    </Card>
  );
}
