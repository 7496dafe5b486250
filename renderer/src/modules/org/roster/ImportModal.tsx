import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Modal,
  Progress,
  Segmented,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Output } from '../../../../../shared/contract';
import { api } from '../../../api/client';
import { write } from '../../../api/queries';
import { problemCount, useErrorText } from '../../../components/errors';
import { ImportIssues } from '../../../components/ImportIssues';
import { saveFile } from '../../../download';

type Preview = Output<'org.staff.previewImport'>;
type PreviewRow = Preview['rows'][number];
type Kind = PreviewRow['kind'];
type Filter = Kind | 'all';

const KIND_COLOR: Record<Kind, string> = {
  new: 'green',
  changed: 'blue',
  unchanged: 'default',
  invalid: 'red',
};
const KINDS: Kind[] = ['new', 'changed', 'unchanged', 'invalid'];

/**
 * Where the dialog is: reading the file (a real percentage), the backend checking or writing it
 * (the time so far: the backend reports no steps), the preview, or the result.
 */
type Step =
  | { at: 'pick' }
  | { at: 'reading'; percent: number }
  | { at: 'checking' | 'applying'; since: number }
  | { at: 'preview'; preview: Preview }
  | { at: 'done'; report: Output<'org.staff.import'> };

/** The file's bytes as base64, reporting how much of it has been read. */
function readFile(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.readAsDataURL(file);
  });
}

/** Seconds since `since` (a Date.now()), ticking; null when nothing runs. */
function useSeconds(since: number | null) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (since === null) return;
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - since) / 1000)), 250);
    return () => clearInterval(timer);
  }, [since]);
  return seconds;
}

/** What one preview row does: the fields it changes (old → new), or its problems. */
function RowDetail({ row }: { row: PreviewRow }) {
  const { t } = useTranslation('org');
  const { issueText, fieldLabel } = useErrorText();
  const shown = (field: string, value: string | null) =>
    value === null || value === ''
      ? t('import.preview.empty')
      : field === 'position'
        ? t(`position.${value}`)
        : value;
  if (row.kind === 'invalid') {
    return (
      <Typography.Text type="danger">
        {/* Each problem's words name its field already. */}
        {row.issues.map((i) => issueText(i)).join(t('import.preview.separator'))}
      </Typography.Text>
    );
  }
  if (row.kind === 'changed') {
    return (
      <Space direction="vertical" size={0}>
        {row.changes.map((c) => (
          <span key={c.field}>
            {fieldLabel(c.field)}
            {t('import.preview.colon')}
            <Typography.Text delete>{shown(c.field, c.before)}</Typography.Text>
            {' → '}
            <Typography.Text strong>{shown(c.field, c.after)}</Typography.Text>
          </span>
        ))}
      </Space>
    );
  }
  return (
    <Typography.Text type="secondary">{t(`import.preview.detail.${row.kind}`)}</Typography.Text>
  );
}

/**
 * 导入花名册: the file is checked first and its effect shown — how many people are new, changed,
 * unchanged or have a problem, row by row — and only "Apply" writes it (new and changed rows).
 */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('org');
  const { errorText } = useErrorText();
  const [step, setStep] = useState<Step>({ at: 'pick' });
  const [file, setFile] = useState<{ fileName: string; contentBase64: string }>();
  const [filter, setFilter] = useState<Filter>('all');
  const [error, setError] = useState<ApiError>();
  const seconds = useSeconds(step.at === 'checking' || step.at === 'applying' ? step.since : null);

  const check = async (picked: File) => {
    setError(undefined);
    setStep({ at: 'reading', percent: 0 });
    const contentBase64 = await readFile(picked, (percent) => setStep({ at: 'reading', percent }));
    const input = { fileName: picked.name, contentBase64 };
    setFile(input);
    setStep({ at: 'checking', since: Date.now() });
    const result = await api.call('org.staff.previewImport', input);
    if (!result.ok) {
      setError(result.error);
      setStep({ at: 'pick' });
      return;
    }
    setFilter(result.value.counts.invalid > 0 ? 'invalid' : 'all');
    setStep({ at: 'preview', preview: result.value });
  };

  const apply = async () => {
    if (!file) return;
    setStep({ at: 'applying', since: Date.now() });
    const result = await write('org.staff.import', file);
    if (result.ok) setStep({ at: 'done', report: result.value });
    else {
      setError(result.error);
      setStep({ at: 'pick' });
    }
  };

  const close = () => {
    setStep({ at: 'pick' });
    setError(undefined);
    setFile(undefined);
    onClose();
  };

  const preview = step.at === 'preview' ? step.preview : undefined;
  const rows = useMemo(
    () => (preview ? preview.rows.filter((r) => filter === 'all' || r.kind === filter) : []),
    [preview, filter],
  );
  const toWrite = preview ? preview.counts.new + preview.counts.changed : 0;

  const footer =
    step.at === 'preview' ? (
      <Space>
        <Button onClick={() => setStep({ at: 'pick' })}>{t('import.preview.another')}</Button>
        <Button
          type="primary"
          disabled={preview!.counts.invalid > 0 || toWrite === 0}
          onClick={() => void apply()}
        >
          {t('import.preview.apply', { count: toWrite })}
        </Button>
      </Space>
    ) : (
      <Button onClick={close} disabled={step.at === 'applying'}>
        {t('common.close')}
      </Button>
    );

  return (
    <Modal
      open={open}
      title={t('import.title')}
      onCancel={step.at === 'applying' ? undefined : close}
      closable={step.at !== 'applying'}
      maskClosable={false}
      footer={footer}
      width={900}
      destroyOnHidden
    >
      {step.at === 'pick' && (
        <>
          <Alert type="info" title={t('import.hint')} style={{ margin: '12px 0 16px' }} />
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            beforeUpload={(picked) => {
              void check(picked);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.drop')}</p>
          </Upload.Dragger>
          <Button
            type="link"
            style={{ paddingLeft: 0, marginTop: 8 }}
            onClick={() => void downloadTemplate(i18n.language)}
          >
            {t('roster.template')}
          </Button>
        </>
      )}

      {step.at !== 'pick' && step.at !== 'preview' && step.at !== 'done' && (
        <div
          data-testid="import-progress"
          style={{ display: 'flex', gap: 16, alignItems: 'center', padding: '24px 0' }}
        >
          {/* Reading has a real percentage; the backend's check and write report none. */}
          {step.at !== 'reading' && <Spin size="large" />}
          <div style={{ flex: 1 }}>
            <Typography.Paragraph strong style={{ marginBottom: 4 }}>
              {step.at === 'reading'
                ? t('import.progress.reading')
                : t(`import.progress.${step.at}`, { seconds })}
            </Typography.Paragraph>
            {step.at === 'reading' && <Progress percent={step.percent} />}
            <Typography.Text type="secondary">{t('import.progress.wait')}</Typography.Text>
          </div>
        </div>
      )}

      {preview && (
        <div data-testid="import-preview">
          <Space wrap style={{ margin: '12px 0' }} data-testid="import-counts">
            {KINDS.map((kind) => (
              <Tag key={kind} color={KIND_COLOR[kind]} data-testid={`import-count-${kind}`}>
                {t(`import.preview.${kind}`, { count: preview.counts[kind] })}
              </Tag>
            ))}
          </Space>
          {preview.counts.invalid > 0 ? (
            <Alert
              type="error"
              showIcon
              title={t('import.preview.fixFirst')}
              style={{ marginBottom: 12 }}
            />
          ) : (
            <Alert
              type="info"
              showIcon
              title={t('import.preview.ready', { count: toWrite })}
              style={{ marginBottom: 12 }}
            />
          )}
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('import.preview.all', { count: preview.rows.length }) },
              ...KINDS.map((kind) => ({
                value: kind,
                label: t(`import.preview.kind.${kind}`),
                disabled: preview.counts[kind] === 0,
              })),
            ]}
          />
          <Table<PreviewRow>
            data-testid="import-rows"
            style={{ marginTop: 8 }}
            size="small"
            rowKey="row"
            dataSource={rows}
            pagination={{ pageSize: 6, size: 'small', showSizeChanger: false }}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 60 },
              { title: t('fields.employeeNo'), dataIndex: 'employeeNo', width: 110 },
              { title: t('fields.name'), dataIndex: 'name', width: 110 },
              {
                title: t('import.preview.result'),
                dataIndex: 'kind',
                width: 90,
                render: (kind: Kind) => (
                  <Tag color={KIND_COLOR[kind]}>{t(`import.preview.kind.${kind}`)}</Tag>
                ),
              },
              {
                title: t('import.preview.detailTitle'),
                render: (_, row) => <RowDetail row={row} />,
              },
            ]}
          />
        </div>
      )}

      {step.at === 'done' && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          data-testid="import-done"
          title={t('import.done', step.report)}
        />
      )}

      {error && (
        <div style={{ marginTop: 16 }} data-testid="import-errors">
          <Alert
            type="error"
            showIcon
            title={
              error.code === 'import_rejected' && error.rows?.length
                ? t('import.rejectedTitle', { count: problemCount(error) })
                : errorText(error)
            }
            description={error.rows?.length ? t('import.rejectedHint') : undefined}
          />
          {error.rows && error.rows.length > 0 && (
            <ImportIssues
              issues={error.rows}
              total={problemCount(error)}
              pageSize={10}
              testId="import-issues"
            />
          )}
        </div>
      )}
    </Modal>
  );
}

/** 下载模板: the import's headers in the screen's language, with one example row. */
export async function downloadTemplate(language: string) {
  const result = await api.call('org.staff.template', {
    language: language === 'en-US' ? 'en-US' : 'zh-CN',
  });
  if (result.ok) saveFile(result.value.fileName, result.value.contentBase64);
  return result;
}
