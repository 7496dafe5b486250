import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../../stores/ui';
import { api } from '../../../api/client';
import { useErrorText } from '../../../components/errors';
import { saveFile } from '../../../download';
import { useSession } from '../../../stores/session';
import { useElapsed } from '../../../components/use-elapsed';

type Kind = 'summary' | 'detail';
type Format = 'xlsx' | 'csv';

/**
 * 导出: the month's summary (one row per person) or detail (one row per shift) as XLSX or CSV.
 * A 600-person month takes a few seconds, so a modal shows that the export is still running.
 */
export function ExportButton({ month, teamId }: { month: string; teamId: number | null }) {
  const { t } = useTranslation('attendance');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const canExport = useSession((s) => s.can('attendance.export'));
  // The file speaks the interface's language, as the screen does.
  const language = useUi((st) => st.language);
  const [running, setRunning] = useState<{ kind: Kind; format: Format }>();
  const seconds = useElapsed(!!running);

  const run = async (kind: Kind, format: Format) => {
    setRunning({ kind, format });
    const result = await api.call('attendance.export', { month, teamId, kind, format, language });
    setRunning(undefined);
    if (!result.ok) {
      message.error(errorText(result.error));
      return;
    }
    saveFile(result.value.fileName, result.value.contentBase64);
    message.success(t('attendance.export.done', { name: result.value.fileName }));
  };

  if (!canExport) return null;
  const items = (['summary', 'detail'] as const).flatMap((kind) =>
    (['xlsx', 'csv'] as const).map((format) => ({
      key: `${kind}.${format}`,
      label: t(`attendance.export.${kind}`, { format: format.toUpperCase() }),
      onClick: () => void run(kind, format),
    })),
  );

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']} disabled={!!running}>
        <Button icon={<DownloadOutlined />}>{t('attendance.export.button')}</Button>
      </Dropdown>
      <Modal
        open={!!running}
        title={t('attendance.export.running')}
        footer={null}
        closable={false}
        maskClosable={false}
        keyboard={false}
        width={420}
      >
        {running && (
          // The backend reports no progress, so a spinner and the time so far, not a fake bar.
          <div data-testid="export-progress" style={{ display: 'flex', gap: 16, padding: '8px 0' }}>
            <Spin size="large" />
            <div>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t(`attendance.export.${running.kind}`, { format: running.format.toUpperCase() })}
                {' · '}
                {t('attendance.export.elapsed', { seconds })}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('attendance.export.wait')}</Typography.Text>
            </div>
          </div>
        )}
      </Modal>
    </>
  );
}
