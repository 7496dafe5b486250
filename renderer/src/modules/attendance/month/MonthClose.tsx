import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { write } from '../../../api/queries';
import { useErrorText } from '../../../components/errors';
import { FormModal, useEditor } from '../../../components/FormModal';
import { useDateFormat } from '../../../format';
import { useSession } from '../../../stores/session';

/** 重新开启: unlocks a closed month, with a reason the audit trail keeps. */
function ReopenModal({
  month,
  open,
  onClose,
  onSaved,
}: {
  month: string;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('attendance');
  const dates = useDateFormat();
  const [form] = Form.useForm<{ reason: string }>();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  return (
    <FormModal
      open={open}
      title={t('attendance.close.reopenTitle', { month: dates.month(month) })}
      form={form}
      danger
      okText={t('attendance.close.reopen')}
      submit={() =>
        write('attendance.reopenMonth', {
          month,
          reason: (form.getFieldValue('reason') as string | undefined) ?? '',
        })
      }
      onSaved={onSaved}
      onClose={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('attendance.close.reopenHint')}
      />
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('fields.reason')} required>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/**
 * 月结 / 重新开启 for HR: closing locks every record of the month (corrections, imports, leave,
 * roll-call); reopening is an audited act with a reason. Hidden from roles that may do neither.
 */
export function MonthCloseButton({ month, closed }: { month: string; closed: boolean }) {
  const { t } = useTranslation('attendance');
  const { message, modal } = App.useApp();
  const { errorText } = useErrorText();
  const canClose = useSession((s) => s.can('attendance.closeMonth'));
  const canReopen = useSession((s) => s.can('attendance.reopenMonth'));
  const reopen = useEditor<string>();
  const dates = useDateFormat();

  const [checking, setChecking] = useState(false);

  const named = dates.month(month);
  const confirmClose = async () => {
    // What a close would lock as it is: shifts nobody recorded, proposals not yet decided, and
    // in a month not over, the shifts still to come. Said before HR confirms.
    setChecking(true);
    const [whole, proposals] = await Promise.all([
      api.call('attendance.summary', { month }),
      api.call('attendance.proposals', { month }),
    ]);
    setChecking(false);
    const unrecorded = whole.ok ? whole.value.teams.reduce((n, team) => n + team.unrecorded, 0) : 0;
    const pending = proposals.ok ? proposals.value.filter((p) => p.state === 'proposed').length : 0;
    const through = whole.ok ? whole.value.through : null;
    const warning = (text: string) => (
      <Alert type="warning" showIcon style={{ marginTop: 12 }} title={text} />
    );
    modal.confirm({
      title: t('attendance.close.confirmTitle', { month: named }),
      content: (
        <>
          <p style={{ margin: 0 }}>{t('attendance.close.confirmBody', { month: named })}</p>
          {through &&
            warning(
              t('attendance.close.notOver', {
                month: named,
                now: `${dates.day(through.slice(0, 10))} ${through.slice(11)}`,
              }),
            )}
          {unrecorded > 0 && warning(t('attendance.close.unrecorded', { count: unrecorded }))}
          {pending > 0 && warning(t('attendance.close.proposals', { count: pending }))}
        </>
      ),
      okText: t('attendance.close.close'),
      cancelText: t('common.cancel'),
      width: 480,
      onOk: async () => {
        const result = await write('attendance.closeMonth', { month });
        if (!result.ok) {
          message.error(errorText(result.error));
          return;
        }
        message.success(
          t('attendance.close.closed', { month: named, backup: result.value.backup }),
        );
      },
    });
  };

  if (closed)
    return canReopen ? (
      <>
        <Button icon={<UnlockOutlined />} onClick={() => reopen.edit(month)}>
          {t('attendance.close.reopen')}
        </Button>
        <ReopenModal
          month={month}
          open={reopen.editing === month}
          onClose={reopen.close}
          onSaved={() => reopen.saved(t('attendance.close.reopened', { month: named }))}
        />
      </>
    ) : null;
  return canClose ? (
    <Button icon={<LockOutlined />} loading={checking} onClick={() => void confirmClose()}>
      {t('attendance.close.close')}
    </Button>
  ) : null;
}
