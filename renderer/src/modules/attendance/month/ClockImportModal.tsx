import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Modal, Select, Space, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ApiError,
  ClockImportPreview,
  ClockMapping,
  RowIssue,
  ShiftType,
} from '../../../../../shared/contract';
import { api } from '../../../api/client';
import { write } from '../../../api/queries';
import { problemCount, useErrorText } from '../../../components/errors';
import { ImportIssues } from '../../../components/ImportIssues';
import { StatusTag } from '../status';
import { clockOf } from './cells';

type Problem = ClockImportPreview['problems'][number];
type Change = ClockImportPreview['changes'][number];

/** The file as picked, kept so a changed column mapping can be previewed again without re-picking. */
interface PickedFile {
  fileName: string;
  contentBase64: string;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data URL is "data:<type>;base64,<content>": the content is what the backend wants.
    reader.onload = () => resolve(String(reader.result).replace(/^[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

/** A row with a clock-in and a clock-out can report the same problem twice: list it once. */
function distinct<T extends Problem | RowIssue>(problems: T[]): T[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.row, p.field, p.key, p.params ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const ROLES = ['employeeNo', 'date', 'clockIn', 'clockOut'] as const;
const OPTIONAL: ReadonlySet<string> = new Set(['date', 'clockOut']);

/**
 * Clock or ACD login data (CSV/XLSX): pick a file, check how its columns map, see what it would
 * change and every problem row, then apply. Nothing is written until Apply, and Apply stays off
 * while any row has a problem, because the import is all-or-nothing.
 */
export function ClockImportModal({
  open,
  shiftTypes,
  onClose,
  onApplied,
}: {
  open: boolean;
  shiftTypes: ShiftType[];
  onClose: () => void;
  onApplied: (result: { applied: number; kept: number }) => void;
}) {
  const { t } = useTranslation('attendance');
  const { errorText } = useErrorText();
  const [file, setFile] = useState<PickedFile>();
  const [mapping, setMapping] = useState<Partial<ClockMapping>>({});
  const [preview, setPreview] = useState<ClockImportPreview>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState<'preview' | 'apply'>();

  const runPreview = async (picked: PickedFile, chosen: ClockMapping | null) => {
    setBusy('preview');
    setError(undefined);
    const result = await api.call('attendance.previewImport', { ...picked, mapping: chosen });
    setBusy(undefined);
    if (result.ok) {
      setPreview(result.value);
      setMapping(result.value.mapping ?? {});
    } else {
      setPreview(undefined);
      setError(result.error);
    }
  };

  const pick = async (picked: File) => {
    const next = { fileName: picked.name, contentBase64: await readBase64(picked) };
    setFile(next);
    // A new file: let the backend reuse last time's mapping or guess one from its headers.
    await runPreview(next, null);
  };

  const complete = (m: Partial<ClockMapping>): ClockMapping | null =>
    m.employeeNo && m.clockIn
      ? {
          employeeNo: m.employeeNo,
          clockIn: m.clockIn,
          date: m.date ?? null,
          clockOut: m.clockOut ?? null,
        }
      : null;

  const remap = (role: (typeof ROLES)[number], column: string | undefined) => {
    const next = { ...mapping, [role]: column ?? null };
    setMapping(next);
    const full = complete(next);
    if (file && full) void runPreview(file, full);
  };

  const apply = async () => {
    const full = complete(mapping);
    if (!file || !full) return;
    setBusy('apply');
    const result = await write('attendance.applyImport', { ...file, mapping: full });
    setBusy(undefined);
    if (result.ok) {
      close();
      onApplied(result.value);
    } else setError(result.error);
  };

  const close = () => {
    setFile(undefined);
    setPreview(undefined);
    setMapping({});
    setError(undefined);
    onClose();
  };

  const shiftName = (id: number | null) =>
    id === null ? t('attendance.restDay') : (shiftTypes.find((s) => s.id === id)?.name ?? '—');
  const problems = distinct(preview?.problems ?? []);
  const rejected = distinct(error?.rows ?? []);
  const canApply = !!preview && problems.length === 0 && !!complete(mapping) && !error;
  const headers = preview?.headers ?? [];

  return (
    <Modal
      open={open}
      title={t('attendance.import.title')}
      onCancel={close}
      width={900}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={!canApply}
            loading={busy === 'apply'}
            onClick={() => void apply()}
          >
            {preview && preview.changeCount > 0
              ? t('attendance.import.applyCount', { count: preview.changeCount })
              : t('attendance.import.apply')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" title={t('attendance.import.hint')} style={{ margin: '12px 0 16px' }} />
      <Spin spinning={!!busy} description={t('attendance.import.reading')}>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={(picked) => {
            void pick(picked);
            return false;
          }}
          style={{ padding: '4px 0' }}
        >
          {/* Once a file is chosen, the preview needs the room more than the big icon. */}
          {!file && (
            <p className="ant-upload-drag-icon" style={{ marginBottom: 4 }}>
              <InboxOutlined />
            </p>
          )}
          <p className="ant-upload-text">
            {file ? t('attendance.import.picked', { name: file.fileName }) : t('org:import.drop')}
          </p>
        </Upload.Dragger>

        {headers.length > 0 && (
          <Form layout="vertical" style={{ marginTop: 16 }}>
            <Typography.Text strong>{t('attendance.import.mapping')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('attendance.import.mappingHint')}
            </Typography.Paragraph>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', columnGap: 12 }}>
              {ROLES.map((role) => (
                <Form.Item
                  key={role}
                  label={t(`attendance.import.roles.${role}`)}
                  required={!OPTIONAL.has(role)}
                  style={{ marginBottom: 8 }}
                >
                  <Select
                    aria-label={t(`attendance.import.roles.${role}`)}
                    value={mapping[role] ?? undefined}
                    allowClear={OPTIONAL.has(role)}
                    placeholder={
                      OPTIONAL.has(role) ? t('attendance.import.none') : t('attendance.import.pick')
                    }
                    onChange={(column?: string) => remap(role, column)}
                    options={headers.map((h) => ({ value: h, label: h }))}
                  />
                </Form.Item>
              ))}
            </div>
          </Form>
        )}
      </Spin>

      {error && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          title={
            rejected.length
              ? t('attendance.import.problemsTitle', { count: problemCount(error) })
              : errorText(error)
          }
          description={
            rejected.length ? (
              <ImportIssues
                issues={rejected}
                total={rejected.length + problemCount(error) - (error.rows?.length ?? 0)}
                pageSize={8}
                testId="clock-import-problems"
              />
            ) : undefined
          }
        />
      )}

      {preview && problems.length > 0 && (
        <div style={{ marginTop: 16 }} data-testid="clock-import-errors">
          <Alert
            type="error"
            showIcon
            title={t('attendance.import.problemsTitle', { count: preview.problemCount })}
            description={t('attendance.import.problemsHint')}
          />
          <ImportIssues
            issues={problems}
            total={problems.length + preview.problemCount - preview.problems.length}
            pageSize={8}
            testId="clock-import-problems"
          />
        </div>
      )}

      {preview && (
        <div style={{ marginTop: 16 }} data-testid="clock-import-preview">
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {t('attendance.import.summary', {
              rows: preview.rows,
              changes: preview.changeCount,
              kept: preview.kept,
            })}
          </Typography.Paragraph>
          <Table<Change>
            size="small"
            rowKey={(c) => `${c.employeeNo}|${c.date}`}
            dataSource={preview.changes}
            pagination={false}
            scroll={{ y: 240 }}
            locale={{ emptyText: t('attendance.import.noChanges') }}
            footer={
              preview.changeCount > preview.changes.length
                ? () =>
                    t('attendance.import.more', {
                      shown: preview.changes.length,
                      count: preview.changeCount,
                    })
                : undefined
            }
            columns={[
              { title: t('fields.employeeNo'), dataIndex: 'employeeNo', width: 100 },
              { title: t('fields.name'), dataIndex: 'name', width: 100 },
              { title: t('fields.date'), dataIndex: 'date', width: 110 },
              {
                title: t('attendance.shift'),
                width: 90,
                render: (_, c) => shiftName(c.shiftTypeId),
              },
              {
                title: t('fields.clockIn'),
                width: 90,
                render: (_, c) => clockOf(c.clockIn, c.date),
              },
              {
                title: t('fields.clockOut'),
                width: 90,
                render: (_, c) => clockOf(c.clockOut, c.date),
              },
              {
                title: t('fields.status'),
                render: (_, c) => <StatusTag status={c.status} />,
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
