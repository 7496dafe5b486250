import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { createContext, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../stores/ui';
import type { AuditEntryRow, AuditIdNames, Output } from '../../../../shared/contract';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  AUDIT_ID_FIELDS,
  FAILING_ANCHOR,
} from '../../../../shared/domain/audit';
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
const ENUM_KEYS: Record<string, string | string[]> = {
  role: 'role',
  position: 'org:position',
  // A person's status (在职) or an attendance record's (迟到): the words of whichever has it.
  status: ['org:status', 'attendance:attendanceStatus'],
  mark: 'attendance:attendanceStatus',
  state: 'handover:handover.state',
  priority: 'handover:handover.priority',
};
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Fields that hold an id, by the kind of thing it names (the backend sends the names with the page). */
const ID_KINDS: Record<string, keyof AuditIdNames | undefined> = AUDIT_ID_FIELDS;
const NO_NAMES: AuditIdNames = { staff: {}, team: {}, shiftType: {}, user: {} };
/** The names of the ids on the page being read: the trail's page, or a bulk entry's page of rows. */
const Names = createContext<AuditIdNames>(NO_NAMES);

/** One stored value as a person reads it: names for ids, translated codes, local times, yes/no. */
function useAuditValue() {
  const { t } = useTranslation('audit');
  const dates = useDateFormat();
  const names = useContext(Names);
  return (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    const kind = ID_KINDS[field];
    const named = (id: unknown) => (kind && names[kind][String(id)]) || `#${String(id)}`;
    if (kind && typeof v === 'number') return named(v);
    if (kind && Array.isArray(v)) return v.map(named).join('、');
    if (typeof v === 'boolean') return t(v ? 'audit.yes' : 'audit.no');
    if (typeof v === 'string' && INSTANT.test(v)) return dates.dateTime(v);
    const enumKeys = ENUM_KEYS[field];
    if (typeof v === 'string' && enumKeys)
      return t(
        [enumKeys].flat().map((k) => `${k}.${v}`),
        { defaultValue: v },
      );
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

type RecordRef = { entity: string; entityId: string };

/** Which record an entry or row is about, as people name it: 员工 王芳, 考勤记录 王芳 2026-11-05. */
function useRecordLabel() {
  const { t } = useTranslation('audit');
  const names = useContext(Names);
  return ({ entity, entityId }: { entity: string; entityId: string | null }, bare = false) => {
    const what = t(`audit.entities.${entity}`, { defaultValue: entity });
    if (!entityId) return what;
    const [first, ...rest] = entityId.split('/');
    const person =
      entity === 'staff' || entity === 'attendance' ? names.staff[first ?? ''] : undefined;
    const which = person ? [person, ...rest].join(' ') : `#${entityId}`;
    // A bulk entry's rows are all of the kind its entry names: the record alone says enough.
    return bare ? which : `${what} ${which}`;
  };
}

/** A record's name that opens its history: every entry about it, bulk ones included. */
function RecordLink({
  entity,
  entityId,
  onRecord,
  bare,
}: {
  entity: string;
  entityId: string | null;
  onRecord: (r: RecordRef & { label: string }) => void;
  bare?: boolean;
}) {
  const { t } = useTranslation('audit');
  const recordLabel = useRecordLabel();
  const label = recordLabel({ entity, entityId }, bare);
  if (!entityId) return <>{label}</>;
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
      title={t('audit.historyOf', { record: label })}
      onClick={() => onRecord({ entity, entityId, label: recordLabel({ entity, entityId }) })}
    >
      {label}
    </Button>
  );
}

const ROWS_PAGE = 20;

/**
 * A bulk entry's rows (an import's thousands), paged from the backend as they are opened: the
 * record each row touched and what changed, in the same words and names as a single entry.
 */
function EntryRows({
  entry,
  onRecord,
}: {
  entry: AuditEntryRow;
  onRecord: (r: RecordRef & { label: string }) => void;
}) {
  const { t, i18n } = useTranslation('audit');
  const { fieldLabel } = useErrorText();
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const rows = useQuery(
    'audit.rows',
    open ? { entryId: entry.id, offset: (page - 1) * ROWS_PAGE, limit: ROWS_PAGE } : null,
  );
  const count = entry.rowCount.toLocaleString(i18n.language);
  const data = rows.data?.rows ?? [];
  const sides = (r: (typeof data)[number]) => ({
    before: (r.change.before ?? null) as Record<string, unknown> | null,
    after: (r.change.after ?? r.change) as Record<string, unknown>,
  });
  // A field the record's name already says (the person and date of an attendance row) is left out.
  const saidByRecord = (r: (typeof data)[number], f: string) =>
    (r.entityId ?? '').split('/').includes(String(sides(r).after[f]));
  const fields = [...new Set(data.flatMap((r) => Object.keys(sides(r).after)))].filter(
    (f) => !data.every((r) => saidByRecord(r, f)),
  );
  return (
    <div>
      <Typography.Text strong>
        {t('audit.bulkSummary', {
          action: t(`audit.actions.${entry.action}`, { defaultValue: entry.action }),
          count,
        })}
      </Typography.Text>{' '}
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(!open)}>
        {t(open ? 'audit.closeRows' : 'audit.openRows')}
      </Button>
      {open && rows.error && <LoadError error={rows.error} onRetry={rows.reload} />}
      {open && !rows.error && (
        <Names.Provider value={rows.data?.names ?? NO_NAMES}>
          <RowsTable
            data={data}
            fields={fields}
            sides={sides}
            loading={rows.loading}
            page={page}
            total={rows.data?.total ?? entry.rowCount}
            onPage={setPage}
            onRecord={onRecord}
            fieldLabel={fieldLabel}
          />
        </Names.Provider>
      )}
    </div>
  );
}

type RowsPage = Output<'audit.rows'>['rows'];

/** The opened page of rows; inside the rows' own names. */
function RowsTable(props: {
  data: RowsPage;
  fields: string[];
  sides: (r: RowsPage[number]) => {
    before: Record<string, unknown> | null;
    after: Record<string, unknown>;
  };
  loading: boolean;
  page: number;
  total: number;
  onPage: (page: number) => void;
  onRecord: (r: RecordRef & { label: string }) => void;
  fieldLabel: (field: string) => string;
}) {
  const { t } = useTranslation('audit');
  const value = useAuditValue();
  const { data, fields, sides } = props;
  return (
    <Table<RowsPage[number]>
      size="small"
      rowKey="index"
      loading={props.loading}
      dataSource={data}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: props.page,
        pageSize: ROWS_PAGE,
        total: props.total,
        showSizeChanger: false,
        onChange: props.onPage,
      }}
      columns={[
        { title: t('audit.rowNo'), width: 60, render: (_, r) => r.index + 1 },
        {
          title: t('audit.entity'),
          render: (_, r) => <RecordLink {...r} onRecord={props.onRecord} bare />,
        },
        ...fields.map((f) => ({
          title: props.fieldLabel(f),
          render: (_: unknown, r: RowsPage[number]) => {
            const { before, after } = sides(r);
            return before && f in before ? (
              <>
                <Typography.Text delete>{value(f, before[f])}</Typography.Text> →{' '}
                {value(f, after[f])}
              </>
            ) : (
              value(f, after[f])
            );
          },
        })),
      ]}
    />
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
  /** "This record's history": set from a record's name in an entry or a bulk entry's row. */
  const [record, setRecord] = useState<RecordRef & { label: string }>();
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
  const list = useQuery('audit.list', {
    ...filter,
    ...(record && { entity: record.entity as Entity, entityId: record.entityId }),
    page,
    pageSize: 50,
  });
  const showHistory = (r: RecordRef & { label: string }) => {
    setRecord(r);
    setPage(1);
  };
  const users = useQuery('accounts.users.list', canListUsers ? {} : null);

  const run = async (kind: 'verify' | 'export') => {
    setBusy(kind);
    try {
      if (kind === 'verify') setVerdict(await api.get('audit.verify', {}));
      else {
        const file = await api.get('audit.export', { ...filter, language });
        saveFile(file.fileName, file.contentBase64);
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
      {record && (
        <Tag
          closable
          color="blue"
          style={{ marginBottom: 12, fontSize: 13, padding: '2px 8px' }}
          onClose={() => (setRecord(undefined), setPage(1))}
        >
          {t('audit.historyOf', { record: record.label })}
        </Tag>
      )}
      <Names.Provider value={list.data?.names ?? NO_NAMES}>
        <Table<AuditEntryRow>
          // Fixed: an opened bulk entry scrolls inside its cell instead of widening the page.
          tableLayout="fixed"
          onRow={() => ({ style: { verticalAlign: 'top' } })}
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
              width: 160,
              render: (v: string) => dates.dateTime(v),
            },
            {
              title: t('audit.user'),
              width: 100,
              // By name, as people know each other; the username for 'local' and removed accounts.
              render: (_, e) => e.displayName ?? e.username ?? '—',
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              width: 100,
              render: (v: string) => t(`audit.actions.${v}`, { defaultValue: v }),
            },
            {
              title: t('audit.entity'),
              width: 130,
              render: (_, e) => <RecordLink {...e} onRecord={showHistory} />,
            },
            {
              title: t('audit.changes'),
              render: (_, e) => (
                <>
                  {e.rowCount > 0 && <EntryRows entry={e} onRecord={showHistory} />}
                  <Changes entry={e} />
                </>
              ),
            },
          ]}
        />
      </Names.Provider>
    </Card>
  );
}
