import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { write } from '../../../api/queries';
import { useErrorText } from '../../../components/errors';
import { FormModal, useEditor } from '../../../components/FormModal';
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
  const [form] = Form.useForm<{ reason: string }>();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  return (
    <FormModal
      open={open}
      title={t('attendance.close.reopenTitle', { month })}
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

  const [checking, setChecking] = useState(false);

  const confirmClose = async () => {
    // Shifts nobody recorded would be locked as they are: say so before HR confirms.
    setChecking(true);
    const whole = await api.call('attendance.summary', { month });
    setChecking(false);
    const unrecorded = whole.ok ? whole.value.teams.reduce((n, team) => n + team.unrecorded, 0) : 0;
    modal.confirm({
      title: t('attendance.close.confirmTitle', { month }),
      content: (
        <>
          <p style={{ margin: 0 }}>{t('attendance.close.confirmBody', { month })}</p>
          {unrecorded > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={t('attendance.close.unrecorded', { count: unrecorded })}
            />
          )}
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
        message.success(t('attendance.close.closed', { month, backup: result.value.backup }));
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
          onSaved={() => reopen.saved(t('attendance.close.reopened', { month }))}
        />
      </>
    ) : null;
  return canClose ? (
    <Button icon={<LockOutlined />} loading={checking} onClick={() => void confirmClose()}>
      {t('attendance.close.close')}
    </Button>
  ) : null;
}
