import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../shared/contract';
import { api } from '../api/client';
import { useQuery } from '../api/useQuery';
import { showFieldErrors, useErrorText } from '../components/errors';
import { EmptyState, LoadError } from '../components/PageState';
import { useUi } from '../stores/ui';

interface TeamValues {
  name: string;
  description?: string;
  leadStaffId?: number | null;
}

function TeamModal({
  team,
  onClose,
  onSaved,
}: {
  team?: Team | 'new';
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText, issueText } = useErrorText('team');
  const [form] = Form.useForm<TeamValues>();
  const [saving, setSaving] = useState(false);
  const existing = team && team !== 'new' ? team : undefined;
  // Only the team's own active members can lead it.
  const members = useQuery(
    'staff.list',
    existing ? { teamId: existing.id, status: 'active', page: 1, pageSize: 200 } : null,
  );

  useEffect(() => {
    if (!team) return;
    form.resetFields();
    if (existing) form.setFieldsValue({ ...existing, description: existing.description ?? '' });
  }, [team, existing, form]);

  const save = async () => {
    const values = form.getFieldsValue(true) as TeamValues;
    const input = {
      name: values.name ?? '',
      description: values.description,
      leadStaffId: values.leadStaffId ?? null,
    };
    setSaving(true);
    const result = existing
      ? await api.call('teams.update', { ...input, id: existing.id })
      : await api.call('teams.create', input);
    setSaving(false);
    if (result.ok) onSaved();
    else if (!showFieldErrors(form, result.error, issueText))
      message.error(errorText(result.error));
  };

  return (
    <Modal
      open={!!team}
      title={existing ? t('teams.editTitle', { name: existing.name }) : t('teams.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('fields.team.name')} required>
          <Input autoFocus maxLength={30} />
        </Form.Item>
        <Form.Item name="leadStaffId" label={t('fields.leadStaffId')} extra={t('teams.leadHint')}>
          <Select
            allowClear
            disabled={!existing}
            placeholder={t('teams.noLead')}
            showSearch={{ optionFilterProp: 'label' }}
            options={(members.data?.rows ?? []).map((s) => ({
              value: s.id,
              label: `${s.name}（${s.employeeNo}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('fields.description')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TeamsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const dataChanged = useUi((s) => s.dataChanged);
  const teams = useQuery('teams.list', {});
  const [editing, setEditing] = useState<Team | 'new'>();

  if (teams.error) return <LoadError error={teams.error} onRetry={teams.reload} />;
  return (
    <Card
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('teams.add')}
        </Button>
      }
    >
      <Table<Team>
        rowKey="id"
        loading={teams.loading}
        dataSource={teams.data ?? []}
        pagination={false}
        locale={{
          emptyText: <EmptyState title={t('teams.emptyTitle')} body={t('teams.emptyBody')} />,
        }}
        columns={[
          { title: t('fields.team.name'), dataIndex: 'name', width: 180 },
          {
            title: t('fields.leadStaffId'),
            dataIndex: 'leadName',
            width: 140,
            render: (v: string | null) => v ?? t('teams.noLead'),
          },
          { title: t('fields.activeStaff'), dataIndex: 'activeStaff', width: 120 },
          {
            title: t('fields.description'),
            dataIndex: 'description',
            render: (v: string | null) => v ?? '',
          },
          {
            title: t('common.actions'),
            width: 100,
            render: (_, row) => (
              <Button type="link" onClick={() => setEditing(row)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <TeamModal
        team={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          message.success(t('common.saved'));
          setEditing(undefined);
          dataChanged();
        }}
      />
    </Card>
  );
}
