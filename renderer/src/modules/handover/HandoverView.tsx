import {
  ArrowLeftOutlined,
  CheckOutlined,
  EditOutlined,
  FileAddOutlined,
  LockOutlined,
  PrinterOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverDetail, Result } from '../../../../shared/contract';
import { useQuery, write } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { useErrorText } from '../../components/errors';
import { LoadError } from '../../components/PageState';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { HandoverEditor } from './HandoverEditor';
import { HandoverSheet } from './HandoverSheet';
import { requestPrint } from './PrintView';
import { useHandoverRefs } from './refs';
import { goHandover, type HandoverTab } from './route';

/** One text, one call: the dispute remark and the addendum. */
function TextModal({
  name,
  open,
  title,
  label,
  hint,
  maxLength,
  okText,
  danger,
  submit,
  onSaved,
  onClose,
}: {
  /** The input's field name, so the backend's field errors land on the box. */
  name: 'remark' | 'text';
  open: boolean;
  title: string;
  label: string;
  hint: string;
  maxLength: number;
  okText: string;
  danger?: boolean;
  submit: (text: string) => Promise<Result<HandoverDetail>>;
  onSaved: (detail: HandoverDetail) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Record<string, string | undefined>>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <FormModal<HandoverDetail>
      open={open}
      title={title}
      form={form}
      okText={okText}
      danger={danger}
      submit={() => submit((form.getFieldValue(name) as string | undefined) ?? '')}
      onSaved={onSaved}
      onClose={onClose}
      width={560}
    >
      <Form form={form} layout="vertical">
        <Form.Item name={name} label={label} required extra={hint}>
          <Input.TextArea autoFocus rows={4} maxLength={maxLength} showCount aria-label={label} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/**
 * One handover. The outgoing lead edits a draft (or a disputed one) in place; everyone else reads
 * the sheet, and the incoming lead signs it (接班确认) or sends it back with a remark.
 */
export function HandoverView({ id, from }: { id: number; from?: HandoverTab }) {
  const { t } = useTranslation('handover');
  const { message, modal } = App.useApp();
  const { errorText } = useErrorText();
  const dates = useDateFormat();
  const me = useSession((s) => s.user);
  // The state machine lets anyone append to a locked record; the role decides who may write at all.
  const mayAppend = useSession((s) => s.can('handover.addendum'));
  const { settings } = useHandoverRefs();
  const query = useQuery('handover.get', { id });
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<'dispute' | 'addendum'>();
  const detail = query.data?.id === id ? query.data : undefined;

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => goHandover({ tab: from })}>
      {t('handover.view.back')}
    </Button>
  );
  const print = (
    <Button
      icon={<PrinterOutlined />}
      onClick={() => {
        requestPrint(id);
        goHandover({ tab: from, print: id });
      }}
    >
      {t('handover.view.print')}
    </Button>
  );

  if (query.error)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <LoadError error={query.error} onRetry={query.reload} />
      </Space>
    );
  if (!detail) return <Card loading />;

  const mine = detail.outgoingUserId === me?.id;
  const toMe = detail.incomingUserId === me?.id;
  const can = (action: HandoverDetail['actions'][number]) => detail.actions.includes(action);
  const at = (iso: string | null) => (iso ? dates.dateTime(iso).slice(0, 16) : '');

  if (can('edit') && (detail.state !== 'submitted' || editing)) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Flex justify="space-between" wrap gap={8}>
          {back}
          {print}
        </Flex>
        <HandoverEditor key={detail.id} detail={detail} onChange={query.setData} />
      </Space>
    );
  }

  const acknowledge = () =>
    modal.confirm({
      title: t('handover.view.ackTitle'),
      content: t('handover.view.ackBody', { name: detail.outgoingName }),
      okText: t('handover.view.acknowledge'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await write('handover.acknowledge', { id });
        if (!result.ok) {
          message.error(errorText(result.error));
          return;
        }
        query.setData(result.value);
        message.success(t('handover.view.acknowledged'));
      },
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" wrap gap={8}>
        {back}
        <Space wrap>
          {can('acknowledge') && (
            <Button type="primary" icon={<CheckOutlined />} onClick={acknowledge}>
              {t('handover.view.acknowledge')}
            </Button>
          )}
          {can('dispute') && (
            <Button danger icon={<RollbackOutlined />} onClick={() => setDialog('dispute')}>
              {t('handover.view.dispute')}
            </Button>
          )}
          {can('edit') && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('handover.view.editAgain')}
            </Button>
          )}
          {can('addendum') && mayAppend && (
            <Button icon={<FileAddOutlined />} onClick={() => setDialog('addendum')}>
              {t('handover.addendum.add')}
            </Button>
          )}
          {print}
        </Space>
      </Flex>

      {detail.state === 'acknowledged' && (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          data-testid="handover-locked"
          title={t('handover.view.locked', {
            outgoing: detail.outgoingName,
            submittedAt: at(detail.submittedAt),
            incoming: detail.incomingName ?? '',
            acknowledgedAt: at(detail.acknowledgedAt),
          })}
          description={t('handover.view.lockedHint')}
        />
      )}
      {detail.state === 'submitted' && (
        <Alert
          type="info"
          showIcon
          title={
            toMe
              ? t('handover.view.submittedToMe', { name: detail.outgoingName })
              : t('handover.view.submittedTo', {
                  name: detail.incomingName ?? '',
                  at: at(detail.submittedAt),
                })
          }
          description={
            toMe
              ? t('handover.view.reviewHint')
              : mine
                ? t('handover.view.editAgainHint')
                : undefined
          }
        />
      )}
      {detail.state === 'disputed' && detail.disputeRemark && (
        <Alert
          type="error"
          showIcon
          data-testid="dispute-remark"
          title={t('handover.editor.disputedTitle', { name: detail.incomingName ?? '' })}
          description={<div className="handover-dispute-text">{detail.disputeRemark}</div>}
        />
      )}
      {detail.ackLate && (
        <Alert
          type="warning"
          showIcon
          data-testid="ack-late"
          title={t('handover.view.ackLate', { minutes: settings?.ackDeadlineMinutes ?? '' })}
        />
      )}

      <Card>
        <HandoverSheet detail={detail} />
      </Card>

      <TextModal
        name="remark"
        open={dialog === 'dispute'}
        title={t('handover.view.disputeTitle', { name: detail.outgoingName })}
        label={t('fields.remark')}
        hint={t('handover.view.disputeHint')}
        maxLength={500}
        okText={t('handover.view.dispute')}
        danger
        submit={(remark) => write('handover.dispute', { id, remark })}
        onSaved={(value) => {
          query.setData(value);
          setDialog(undefined);
          message.success(t('handover.view.disputed', { name: detail.outgoingName }));
        }}
        onClose={() => setDialog(undefined)}
      />
      <TextModal
        name="text"
        open={dialog === 'addendum'}
        title={t('handover.addendum.add')}
        label={t('handover.addendum.text')}
        hint={t('handover.addendum.hint')}
        maxLength={2000}
        okText={t('handover.addendum.save')}
        submit={(text) => write('handover.addendum', { id, text })}
        onSaved={(value) => {
          query.setData(value);
          setDialog(undefined);
          message.success(t('handover.addendum.saved'));
        }}
        onClose={() => setDialog(undefined)}
      />
    </Space>
  );
}
