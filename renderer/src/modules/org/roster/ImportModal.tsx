import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Spin, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Output } from '../../../../../shared/contract';
import { write } from '../../../api/queries';
import { useErrorText } from '../../../components/errors';

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Upload a roster file; either everything is imported, or every problem is listed by row. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('org');
  const { errorText, issueText, fieldLabel } = useErrorText();
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
                ? t('import.rejectedTitle', { count: error.rows.length })
                : errorText(error)
            }
            description={error.rows?.length ? t('import.rejectedHint') : undefined}
          />
          {error.rows && error.rows.length > 0 && (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey={(r) => `${r.row}-${r.field}-${r.key}`}
              dataSource={error.rows}
              pagination={error.rows.length > 10 ? { pageSize: 10 } : false}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 70 },
                { title: t('import.field'), width: 120, render: (_, r) => fieldLabel(r.field) },
                { title: t('import.problem'), render: (_, r) => issueText(r) },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
