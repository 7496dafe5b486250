import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/contract';
import { STAFF_STATUSES, type StaffStatus } from '../../../../shared/domain/org';
import { api } from '../../api/client';
import { useQuery } from '../../api/queries';
import { useErrorText } from '../../components/errors';
import { saveFile } from '../../download';
import { useEditor } from '../../components/FormModal';
import { EmptyState, LoadError } from '../../components/PageState';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { downloadTemplate, ImportModal } from './roster/ImportModal';
import { MarkLeftModal } from './roster/MarkLeftModal';
import { StaffFormModal } from './roster/StaffFormModal';

const STATUS_COLOR: Record<StaffStatus, string> = {
  active: 'green',
  on_leave: 'orange',
  left: 'default',
};

export function RosterPage() {
  const { t, i18n } = useTranslation('org');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const language = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const dates = useDateFormat();
  const [search, setSearch] = useState('');
  const [teamId, setTeamId] = useState<number>();
  const [status, setStatus] = useState<StaffStatus>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const editor = useEditor<Staff>();
  // HR and admin keep the roster; everyone else reads it.
  const canEdit = useSession((s) => s.can('org.staff.update'));
  const leaver = useEditor<Staff>();
  const [importing, setImporting] = useState(false);

  const teams = useQuery('org.teams.list', {});
  const list = useQuery('org.staff.list', {
    search: search || undefined,
    teamId,
    status,
    page,
    pageSize,
  });
  const filtered = !!search || teamId !== undefined || status !== undefined;

  const filters = (setter: () => void) => {
    setter();
    setPage(1);
  };

  // 导出花名册: the list as filtered (team, status), in the screen's language.
  const exportAs = async (format: 'xlsx' | 'csv') => {
    const result = await api.call('org.staff.export', { language, format, teamId, status });
    if (!result.ok) message.error(errorText(result.error));
    else saveFile(result.value.fileName, result.value.contentBase64);
  };
  const template = async () => {
    const result = await downloadTemplate(language);
    if (!result.ok) message.error(errorText(result.error));
  };

  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;

  return (
    <Card>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('roster.searchPlaceholder')}
            style={{ width: 300 }}
            onSearch={(value) => filters(() => setSearch(value.trim()))}
            aria-label={t('common.search')}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('fields.teamId')}
            value={teamId}
            onChange={(v) => filters(() => setTeamId(v))}
            options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            aria-label={t('fields.teamId')}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('fields.status')}
            value={status}
            onChange={(v) => filters(() => setStatus(v))}
            options={STAFF_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            aria-label={t('fields.status')}
          />
        </Space>
        {canEdit && (
          <Space wrap>
            <Button onClick={() => void template()}>{t('roster.template')}</Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: (['xlsx', 'csv'] as const).map((format) => ({
                  key: format,
                  label: t('roster.exportAs', { format: format.toUpperCase() }),
                  onClick: () => void exportAs(format),
                })),
              }}
            >
              <Button icon={<DownloadOutlined />}>{t('roster.export')}</Button>
            </Dropdown>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('roster.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.edit('new')}>
              {t('roster.add')}
            </Button>
          </Space>
        )}
      </Space>

      <Table<Staff>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        locale={{
          emptyText: filtered ? (
            <Typography.Text type="secondary">{t('roster.noMatch')}</Typography.Text>
          ) : (
            <EmptyState title={t('roster.emptyTitle')} body={t('roster.emptyBody')} />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { count }),
          onChange: (p, size) => {
            setPage(p);
            setPageSize(size);
          },
        }}
        columns={[
          { title: t('fields.employeeNo'), dataIndex: 'employeeNo', width: 110 },
          { title: t('fields.name'), dataIndex: 'name', width: 120 },
          {
            title: t('fields.teamId'),
            dataIndex: 'teamName',
            width: 130,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('fields.position'),
            dataIndex: 'position',
            width: 110,
            render: (p: string) => t(`position.${p}`),
          },
          {
            title: t('fields.seat'),
            dataIndex: 'seat',
            width: 90,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('fields.extension'),
            dataIndex: 'extension',
            width: 90,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('fields.hireDate'),
            dataIndex: 'hireDate',
            width: 130,
            render: (v: string | null) => (v ? dates.full(v) : '—'),
          },
          {
            title: t('fields.status'),
            dataIndex: 'status',
            width: 170,
            render: (s: StaffStatus, row) => (
              <Space size={4}>
                <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`)}</Tag>
                {row.leftOn && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('roster.leftOnDate', { date: dates.full(row.leftOn) })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            width: 170,
            render: (_, row) =>
              row.status === 'left' || !canEdit ? null : (
                <Space size={0}>
                  <Button type="link" onClick={() => editor.edit(row)}>
                    {t('common.edit')}
                  </Button>
                  <Button type="link" danger onClick={() => leaver.edit(row)}>
                    {t('roster.markLeft')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />

      <StaffFormModal
        open={editor.editing !== undefined}
        staff={editor.editing === 'new' ? undefined : editor.editing}
        teams={teams.data ?? []}
        onClose={editor.close}
        onSaved={(saved) =>
          editor.saved(
            editor.editing === 'new' ? t('roster.created', { name: saved.name }) : undefined,
          )
        }
      />
      <MarkLeftModal
        staff={leaver.editing === 'new' ? undefined : leaver.editing}
        onClose={leaver.close}
        onDone={(staff) => leaver.saved(t('roster.markedLeft', { name: staff.name }))}
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
