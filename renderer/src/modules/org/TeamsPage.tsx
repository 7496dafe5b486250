import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Table } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../../shared/contract';
import { useQuery, write } from '../../api/queries';
import { FormModal, useEditor } from '../../components/FormModal';
import { EmptyState, LoadError } from '../../components/PageState';
import { useSession } from '../../stores/session';

interface TeamValues {
  name?: string;
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
  const { t } = useTranslation('org');
  const [form] = Form.useForm<TeamValues>();
  const existing = team && team !== 'new' ? team : undefined;
  // Only the team's own active members can lead it.
  const members = useQuery(
    'org.staff.list',
    existing ? { teamId: existing.id, status: 'active', page: 1, pageSize: 200 } : null,
  );

  useEffect(() => {
    if (!team) return;
    form.resetFields();
    if (existing) form.setFieldsValue({ ...existing, description: existing.description ?? '' });
  }, [team, existing, form]);

  const submit = () => {
    const values = form.getFieldsValue(true) as TeamValues;
    const input = {
      name: values.name ?? '',
      description: values.description,
      leadStaffId: values.leadStaffId ?? null,
    };
    return existing
      ? write('org.teams.update', { ...input, id: existing.id })
      : write('org.teams.create', input);
  };

  return (
    <FormModal
      open={!!team}
      title={existing ? t('teams.editTitle', { name: existing.name }) : t('teams.createTitle')}
      form={form}
      entity="team"
      submit={submit}
      onSaved={onSaved}
      onClose={onClose}
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
    </FormModal>
  );
}

export function TeamsPage() {
  const { t } = useTranslation('org');
  const teams = useQuery('org.teams.list', {});
  const editor = useEditor<Team>();
  const canEdit = useSession((s) => s.can('org.teams.update'));

  if (teams.error) return <LoadError error={teams.error} onRetry={teams.reload} />;
  return (
    <Card
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.edit('new')}>
            {t('teams.add')}
          </Button>
        )
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
          { title: t('fields.activeStaff'), dataIndex: 'activeStaff', width: 150 },
          {
            title: t('fields.description'),
            dataIndex: 'description',
            render: (v: string | null) => v || '—',
          },
          {
            title: t('common.actions'),
            width: 100,
            render: (_, row) =>
              canEdit && (
                <Button type="link" onClick={() => editor.edit(row)}>
                  {t('common.edit')}
                </Button>
              ),
          },
        ]}
      />
      <TeamModal team={editor.editing} onClose={editor.close} onSaved={() => editor.saved()} />
    </Card>
  );
}
