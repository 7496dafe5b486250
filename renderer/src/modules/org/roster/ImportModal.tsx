import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Spin, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Output } from '../../../../../shared/contract';
import { write } from '../../../api/queries';
import { problemCount, useErrorText } from '../../../components/errors';
import { ImportIssues } from '../../../components/ImportIssues';

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Upload a roster file; either everything is imported, or its problems are listed by row. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('org');
  const { errorText } = useErrorText();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Output<'org.staff.import'>>();
  const [error, setError] = useState<ApiError>();

  const upload = async (file: File) => {
    setBusy(true);
    setReport(undefined);
    setError(undefined);
    const result = await write('org.staff.import', {
      fileName: file.name,
      contentBase64: toBase64(await file.arrayBuffer()),
    });
    setBusy(false);
    if (result.ok) {
      setReport(result.value);
    } else setError(result.error);
  };

  const close = () => {
    setReport(undefined);
    setError(undefined);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('import.title')}
      onCancel={close}
      footer={<Button onClick={close}>{t('common.close')}</Button>}
      width={760}
      destroyOnHidden
    >
      <Alert type="info" title={t('import.hint')} style={{ margin: '12px 0 16px' }} />
      <Spin spinning={busy} tip={t('import.importing')}>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
        </Upload.Dragger>
      </Spin>
      {report && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          title={t('import.done', {
            rows: report.rows,
            created: report.created,
            updated: report.updated,
          })}
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
