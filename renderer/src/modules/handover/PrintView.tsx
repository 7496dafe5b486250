import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Spin, theme, Typography } from 'antd';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/queries';
import { printOrSavePdf } from '../../download';
import { LoadError } from '../../components/PageState';
import { useDateFormat } from '../../format';
import { HandoverSheet } from './HandoverSheet';
import { goHandover, type HandoverTab } from './route';

/** The handover whose print button was pressed: its sheet opens the print dialog once it shows. */
let printWanted: number | null = null;
export function requestPrint(id: number) {
  printWanted = id;
}

/**
 * The printed handover sheet on A4 (#/handover&print=12). It renders outside the console's layout,
 * and the print stylesheet hides everything else, so the browser's print (and Electron's
 * printToPDF) sees only the sheet. Opened directly it waits for a click; from the print button it
 * prints at once.
 */
export function PrintView({ id, from }: { id: number; from?: HandoverTab }) {
  const { t } = useTranslation('handover');
  const dates = useDateFormat();
  const { token } = theme.useToken();
  const query = useQuery('handover.get', { id });
  const detail = query.data?.id === id ? query.data : undefined;

  // 交接班-2026-11-16-夜班-客服一组: the PDF's name in Electron's save dialog.
  const fileName = detail
    ? [t('nav.handover'), detail.date, detail.teamName].filter(Boolean).join('-')
    : '';
  useEffect(() => {
    if (!detail || printWanted !== id) return;
    printWanted = null;
    // Let the sheet lay out before the print dialog takes its picture.
    const timer = window.setTimeout(() => void printOrSavePdf(fileName), 100);
    return () => window.clearTimeout(timer);
  }, [detail, id, fileName]);

  return createPortal(
    // Outside the console's layout, so the theme's font is set here, for screen and paper alike.
    <div
      className="handover-print"
      data-testid="handover-print"
      style={{ fontFamily: token.fontFamily, color: token.colorText }}
    >
      <div className="handover-print-toolbar">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => goHandover({ tab: from, id })}>
            {t('handover.view.back')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => void printOrSavePdf(fileName)}
          >
            {t('handover.view.print')}
          </Button>
          <Typography.Text type="secondary">{t('handover.print.hint')}</Typography.Text>
        </Space>
      </div>
      <div className="handover-print-page">
        {query.error ? (
          <LoadError error={query.error} onRetry={query.reload} />
        ) : detail ? (
          <>
            <HandoverSheet detail={detail} print />
            <div className="handover-print-footer">
              {t('handover.print.footer', {
                id: detail.id,
                at: dates.dateTime(new Date().toISOString()),
              })}
            </div>
          </>
        ) : (
          <Spin />
        )}
      </div>
    </div>,
    document.body,
  );
}
