import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../stores/ui';
import type { OpenItem } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useQuery } from '../../api/queries';
import { useEditor } from '../../components/FormModal';
import { useErrorText } from '../../components/errors';
import { EmptyState, LoadError } from '../../components/PageState';
import { saveFile } from '../../download';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { ItemModal } from './ItemModal';
import { CarriedBadges, CategoryTag, DueTime, ItemStatusTag, PriorityTag, useAge } from './labels';
import { useHandoverRefs } from './refs';
import { goHandover } from './route';

type GroupBy = 'category' | 'owner';

/** Overdue first, then by priority, then oldest first: the order a lead works through them. */
const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const;
const byUrgency = (a: OpenItem, b: OpenItem) =>
  Number(b.overdue) - Number(a.overdue) ||
  PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
  b.ageHours - a.ageHours;

function ExportItems() {
  const { t } = useTranslation('handover');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [running, setRunning] = useState(false);
  // The file speaks the interface's language, as the screen does.
  const language = useUi((st) => st.language);
  const run = async (format: 'xlsx' | 'csv') => {
    setRunning(true);
    const result = await api.call('handover.exportItems', { format, language });
    setRunning(false);
    if (!result.ok) {
      message.error(errorText(result.error));
      return;
    }
    saveFile(result.value.fileName, result.value.contentBase64);
    message.success(t('handover.items.exported', { name: result.value.fileName }));
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: (['xlsx', 'csv'] as const).map((format) => ({
          key: format,
          label: format.toUpperCase(),
          onClick: () => void run(format),
        })),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={running}>
        {t('handover.items.export')}
      </Button>
    </Dropdown>
  );
}

/**
 * 遗留事项: everything still open across all handovers, by category or by owner, oldest and
 * overdue first. A lead updates or resolves an item here without opening its handover.
 */
export function OpenItemsTab() {
  const { t } = useTranslation('handover');
  const dates = useDateFormat();
  const age = useAge();
  const { categoryName, settings } = useHandoverRefs();
  const canUpdate = useSession((s) => s.can('handover.updateItem'));
  const items = useQuery('handover.openItems', {});
  const [groupBy, setGroupBy] = useState<GroupBy>('category');
  const editor = useEditor<OpenItem>();

  if (items.error) return <LoadError error={items.error} onRetry={items.reload} />;
  const all = items.data ?? [];
  const overdue = all.filter((i) => i.overdue).length;

  const noOwner = t('handover.items.noOwner');
  const keyOf = (item: OpenItem) =>
    groupBy === 'category' ? item.category : (item.owner ?? noOwner);
  const order = (settings?.categories ?? []).map((c) => c.code);
  const groups = [...new Set(all.map(keyOf))].sort((a, b) =>
    groupBy === 'category'
      ? order.indexOf(a) - order.indexOf(b)
      : Number(a === noOwner) - Number(b === noOwner) || a.localeCompare(b, 'zh-CN'),
  );

  return (
    <Card>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space wrap size="middle">
          <Segmented
            aria-label={t('handover.items.groupBy')}
            value={groupBy}
            onChange={(v) => setGroupBy(v as GroupBy)}
            options={[
              { value: 'category', label: t('handover.items.byCategory') },
              { value: 'owner', label: t('handover.items.byOwner') },
            ]}
          />
          <Typography.Text>{t('handover.items.count', { count: all.length })}</Typography.Text>
          {overdue > 0 && (
            <Tag color="red" data-testid="overdue-count">
              {t('handover.list.overdueCount', { count: overdue })}
            </Tag>
          )}
        </Space>
        <ExportItems />
      </Flex>

      {items.data && all.length === 0 && (
        <EmptyState title={t('handover.items.emptyTitle')} body={t('handover.items.emptyBody')} />
      )}
      {!items.data && <Card loading variant="borderless" />}

      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {groups.map((group) => {
          const rows = all.filter((i) => keyOf(i) === group).sort(byUrgency);
          const late = rows.filter((i) => i.overdue).length;
          return (
            <div key={group} data-testid={`item-group-${group}`}>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {groupBy === 'category' ? categoryName(group) : group}{' '}
                <Typography.Text type="secondary">({rows.length})</Typography.Text>
                {late > 0 && (
                  <Tag color="red" style={{ marginInlineStart: 8 }}>
                    {t('handover.list.overdueCount', { count: late })}
                  </Tag>
                )}
              </Typography.Title>
              <Table<OpenItem>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={rows}
                rowClassName={(row) => (row.overdue ? 'handover-row-overdue' : '')}
                columns={[
                  {
                    title: t('fields.description'),
                    key: 'description',
                    render: (_, row) => (
                      <div>
                        <div className="handover-item-text">{row.description}</div>
                        {row.reference && (
                          <div className="handover-item-sub">
                            {t('handover.labeled', {
                              label: t('fields.reference'),
                              value: row.reference,
                            })}
                          </div>
                        )}
                        <CarriedBadges shifts={row.shifts} carried={false} />
                      </div>
                    ),
                  },
                  groupBy === 'category'
                    ? {
                        title: t('fields.owner'),
                        key: 'owner',
                        width: 110,
                        render: (_, row) => row.owner ?? '—',
                      }
                    : {
                        title: t('fields.category'),
                        key: 'category',
                        width: 110,
                        render: (_, row) => <CategoryTag code={row.category} />,
                      },
                  {
                    title: t('fields.priority'),
                    key: 'priority',
                    width: 80,
                    render: (_, row) => <PriorityTag priority={row.priority} />,
                  },
                  {
                    title: t('fields.dueAt'),
                    key: 'dueAt',
                    width: 170,
                    render: (_, row) => <DueTime dueAt={row.dueAt} overdue={row.overdue} />,
                  },
                  {
                    title: t('fields.status'),
                    key: 'status',
                    width: 90,
                    render: (_, row) => <ItemStatusTag status={row.status} />,
                  },
                  {
                    title: t('handover.items.age'),
                    key: 'age',
                    width: 110,
                    render: (_, row) => (
                      <span style={{ whiteSpace: 'nowrap' }}>{age(row.ageHours)}</span>
                    ),
                  },
                  {
                    title: t('handover.items.lastHandover'),
                    key: 'last',
                    width: 120,
                    render: (_, row) =>
                      row.lastHandoverId && row.lastHandoverDate ? (
                        <Typography.Link
                          onClick={() => goHandover({ tab: 'items', id: row.lastHandoverId! })}
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          {dates.full(row.lastHandoverDate)}
                        </Typography.Link>
                      ) : (
                        '—'
                      ),
                  },
                  ...(canUpdate
                    ? [
                        {
                          title: t('common.actions'),
                          key: 'actions',
                          width: 90,
                          render: (_: unknown, row: OpenItem) => (
                            <Button
                              size="small"
                              icon={<EditOutlined />}
                              onClick={() => editor.edit(row)}
                            >
                              {t('handover.items.update')}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </div>
          );
        })}
      </Space>

      <ItemModal
        item={editor.editing === 'new' ? undefined : editor.editing}
        onClose={editor.close}
        onSaved={() => editor.saved()}
      />
    </Card>
  );
}
