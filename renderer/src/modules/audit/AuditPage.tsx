import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../stores/ui';
import type { AuditEntryRow, Output } from '../../../../shared/contract';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, FAILING_ANCHOR } from '../../../../shared/domain/audit';
import { api, errorOf } from '../../api/client';
import { useQuery } from '../../api/queries';
import { useErrorText } from '../../components/errors';
import { LoadError } from '../../components/PageState';
import { saveFile } from '../../download';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';

type Entity = (typeof AUDIT_ENTITIES)[number];
type Action = (typeof AUDIT_ACTIONS)[number];

/** Enum values by the field that holds them: the same words the screens use. */
const ENUM_KEYS: Record<string, string> = {
  role: 'role',
  position: 'org:position',
  status: 'org:status',
  mark: 'attendance:attendanceStatus',
  state: 'handover:handover.state',
  priority: 'handover:handover.priority',
};
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One stored value as a person reads it: translated codes, local times, yes/no, counts of rows. */
function useAuditValue() {
  const { t } = useTranslation('audit');
  const dates = useDateFormat();
  return (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return t(v ? 'audit.yes' : 'audit.no');
    if (typeof v === 'string' && INSTANT.test(v)) return dates.dateTime(v);
    if (typeof v === 'string' && ENUM_KEYS[field])
      return t(`${ENUM_KEYS[field]}.${v}`, { defaultValue: v });
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? '…' : String(x))).join('、');
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
}

/** Rows an action wrote in bulk (a roll-call's records, a schedule's cells): one entry, opened on demand. */
function BulkRows({ rows }: { rows: Record<string, unknown>[] }) {
  const { t } = useTranslation('audit');
  const { fieldLabel } = useErrorText();
  const value = useAuditValue();
  const [open, setOpen] = useState(false);
  const columns = [...new Set(rows.slice(0, 50).flatMap((r) => Object.keys(r ?? {})))];
  return (
    <>
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(!open)}>
        {t(open ? 'audit.hideRows' : 'audit.showRows', { count: rows.length })}
      </Button>
      {open && (
        <Table<Record<string, unknown>>
          size="small"
          rowKey={(_, i) => String(i)}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          columns={columns.map((c) => ({
            title: fieldLabel(c),
            render: (_, row) => value(c, row?.[c]),
          }))}
        />
      )}
    </>
  );
}

const isRowList = (v: unknown): v is Record<string, unknown>[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'object' && x !== null);

/** before → after, one changed field per line, with the screens' field names and words. */
function Changes({ entry }: { entry: AuditEntryRow }) {
  const { fieldLabel } = useErrorText();
  const value = useAuditValue();
  const keys = [
    ...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})]),
  ];
  return (
    <div style={{ fontSize: 12, lineHeight: 1.6 }}>
      {keys.map((k) => {
        const before = entry.before?.[k];
        const after = entry.after?.[k];
        return (
          <div key={k} style={{ overflowWrap: 'anywhere' }}>
            <Typography.Text type="secondary">{fieldLabel(k)}: </Typography.Text>
            {isRowList(after) || isRowList(before) ? (
              <BulkRows rows={isRowList(after) ? after : (before as Record<string, unknown>[])} />
            ) : (
              <>
                {entry.before && k in entry.before && (
                  <>
                    <Typography.Text delete>{value(k, before)}</Typography.Text> →{' '}
                  </>
                )}
                {value(k, after)}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}

type AnchorCheck = Output<'audit.verify'>['anchors'][number];

/** Where the chain's head is kept outside the database, and what the live chain says about each. */
function Anchors({ anchors }: { anchors: AnchorCheck[] }) {
  const { t } = useTranslation('audit');
  const dates = useDateFormat();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18, fontSize: 13 }}>
      {anchors.map((a) => (
        <li key={`${a.source}-${a.name ?? ''}`}>
          <Typography.Text strong>{t(`audit.anchors.sources.${a.source}`)}</Typography.Text>
          {a.at && ` ${dates.dateTime(a.at)}`}
          {a.lastId !== null && ` ${t('audit.anchors.position', { id: a.lastId, count: a.count })}`}
          {t('audit.anchors.separator')}
          <Typography.Text type={FAILING_ANCHOR.includes(a.status) ? 'danger' : undefined}>
            {t(`audit.anchors.status.${a.status}`)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

export function AuditPage() {
  const { t } = useTranslation('audit');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const dates = useDateFormat();
  const canListUsers = useSession((s) => s.can('accounts.users.list'));
  const [userId, setUserId] = useState<number>();
  const [entity, setEntity] = useState<Entity>();
  const [action, setAction] = useState<Action>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [verdict, setVerdict] = useState<Output<'audit.verify'>>();
  const [busy, setBusy] = useState<'verify' | 'export'>();
  // The file speaks the interface's language, as the screen does.
  const language = useUi((st) => st.language);

  const filter = {
    userId,
    entity,
    action,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const list = useQuery('audit.list', { ...filter, page, pageSize: 50 });
  const users = useQuery('accounts.users.list', canListUsers ? {} : null);

  const run = async (kind: 'verify' | 'export') => {
    setBusy(kind);
    try {
      if (kind === 'verify') setVerdict(await api.get('audit.verify', {}));
      else {
        const file = await api.get('audit.export', { ...filter, language });
        saveFile(file.fileName, file.contentBase64, 'text/csv');
        message.success(t('audit.exported', { name: file.fileName }));
      }
    } catch (error) {
      message.error(errorText(errorOf(error)));
    } finally {
      setBusy(undefined);
    }
  };

  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <Card>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          {canListUsers && (
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('audit.user')}
              aria-label={t('audit.user')}
              value={userId}
              onChange={(v) => (setUserId(v), setPage(1))}
              options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            />
          )}
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('audit.entity')}
            aria-label={t('audit.entity')}
            value={entity}
            onChange={(v) => (setEntity(v), setPage(1))}
            options={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('audit.action')}
            aria-label={t('audit.action')}
            value={action}
            onChange={(v) => (setAction(v), setPage(1))}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
          />
          <DatePicker.RangePicker value={range} onChange={(v) => (setRange(v), setPage(1))} />
        </Space>
        <Space>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={busy === 'verify'}
            onClick={() => void run('verify')}
          >
            {t('audit.verify')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'export'}
            onClick={() => void run('export')}
          >
            {t('audit.export')}
          </Button>
        </Space>
      </Space>
      {verdict && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={verdict.ok ? 'success' : 'error'}
          title={
            verdict.ok
              ? t('audit.chainOk', { count: verdict.entries })
              : verdict.firstBadId !== null
                ? t('audit.chainBroken', { id: verdict.firstBadId })
                : t('audit.anchorsBroken')
          }
          description={<Anchors anchors={verdict.anchors} />}
          closable
          onClose={() => setVerdict(undefined)}
        />
      )}
      <Table<AuditEntryRow>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={{
          current: page,
          pageSize: 50,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (count) => t('common.total', { count }),
          onChange: setPage,
        }}
        columns={[
          {
            title: t('audit.time'),
            dataIndex: 'at',
            width: 170,
            render: (v: string) => dates.dateTime(v),
          },
          {
            title: t('audit.user'),
            width: 120,
            // By name, as people know each other; the username for 'local' and removed accounts.
            render: (_, e) => e.displayName ?? e.username ?? '—',
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 110,
            render: (v: string) => t(`audit.actions.${v}`, { defaultValue: v }),
          },
          {
            title: t('audit.entity'),
            width: 140,
            render: (_, e) =>
              `${t(`audit.entities.${e.entity}`, { defaultValue: e.entity })}${e.entityId ? ` #${e.entityId}` : ''}`,
          },
          { title: t('audit.changes'), render: (_, e) => <Changes entry={e} /> },
        ]}
      />
    </Card>
  );
}
