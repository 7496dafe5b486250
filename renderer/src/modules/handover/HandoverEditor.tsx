import {
  CheckCircleOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  PlusOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
} from 'antd';
import { format } from 'date-fns';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverDetail } from '../../../../shared/contract';
import { write } from '../../api/queries';
import { useEditor } from '../../components/FormModal';
import { ClearFixedErrors } from '../../components/ClearFixedErrors';
import { showFieldErrors, useErrorText } from '../../components/errors';
import { useSession } from '../../stores/session';
import { FIGURES, parseFigures, type QueueFigures } from './figures';
import { clearFieldErrors } from './forms';
import { useInstanceLabel } from './HandoverSheet';
import { ItemModal } from './ItemModal';
import { ItemsTable } from './ItemsTable';
import { StateTag } from './labels';
import { useHandoverRefs } from './refs';
import { StaffingFacts } from './Staffing';

interface ContentValues {
  staffingRemark?: string | null;
  seatsStatus?: string | null;
  queue?: Partial<QueueFigures>;
  notices?: string | null;
  escalations?: string | null;
  remarks?: string | null;
}

/** Typing pauses this long before the draft is saved: often enough to lose nothing, not a call per key. */
const SAVE_DELAY_MS = 800;

type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; text: string };

function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useTranslation('handover');
  const [icon, text, type] =
    state.kind === 'saved'
      ? [<CheckCircleOutlined key="i" />, t('handover.editor.saved', { time: state.at }), 'success']
      : state.kind === 'failed'
        ? [
            <ExclamationCircleOutlined key="i" />,
            t('handover.editor.saveFailed', { error: state.text }),
            'danger',
          ]
        : [<LoadingOutlined key="i" />, t('handover.editor.saving'), 'secondary'];
  return (
    <Typography.Text
      type={type as 'success' | 'danger' | 'secondary'}
      data-testid="save-state"
      aria-live="polite"
      style={{ whiteSpace: 'nowrap' }}
    >
      {icon} {text}
    </Typography.Text>
  );
}

function Section({
  n,
  title,
  extra,
  children,
}: {
  n: number;
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation('handover');
  return (
    <section className="handover-section">
      <Flex justify="space-between" align="center" gap={12}>
        <h3>{t('handover.sheet.sectionTitle', { n, title })}</h3>
        {extra}
      </Flex>
      {children}
    </section>
  );
}

const contentOf = (id: number, v: ContentValues) => ({
  id,
  staffingRemark: v.staffingRemark || null,
  seatsStatus: v.seatsStatus || null,
  queue: Object.fromEntries(FIGURES.map((f) => [f, v.queue?.[f] ?? null])) as QueueFigures,
  notices: v.notices || null,
  escalations: v.escalations || null,
  remarks: v.remarks || null,
});

/**
 * 写交接: the outgoing lead's draft. Every change saves itself a moment after typing stops, so a
 * crash, a restart or a forgotten tab loses nothing; submitting names the incoming lead.
 */
export function HandoverEditor({
  detail,
  onChange,
}: {
  detail: HandoverDetail;
  onChange: (detail: HandoverDetail) => void;
}) {
  const { t } = useTranslation('handover');
  const { message, modal } = App.useApp();
  const { errorText, issueText } = useErrorText();
  const me = useSession((s) => s.user);
  const { leads } = useHandoverRefs();
  const instanceLabel = useInstanceLabel();
  const [form] = Form.useForm<ContentValues>();
  const items = useEditor<HandoverDetail['items'][number]>();
  const [incoming, setIncoming] = useState<number | undefined>(detail.incomingUserId ?? undefined);
  const [submitting, setSubmitting] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({
    kind: 'saved',
    at: format(new Date(detail.updatedAt), 'HH:mm:ss'),
  });

  const id = detail.id;
  const timer = useRef<number>(undefined);
  const dirty = useRef(false);
  // Saves run one after another, so an older text never lands after a newer one.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const save = useCallback(() => {
    window.clearTimeout(timer.current);
    if (!dirty.current) return queue.current;
    dirty.current = false;
    setSaveState({ kind: 'saving' });
    queue.current = queue.current.then(async () => {
      const result = await write('handover.save', contentOf(id, form.getFieldsValue(true)));
      if (result.ok) {
        clearFieldErrors(form);
        onChangeRef.current(result.value);
        if (!dirty.current) setSaveState({ kind: 'saved', at: format(new Date(), 'HH:mm:ss') });
      } else {
        // Kept dirty: the next keystroke, or the submit, tries again.
        dirty.current = true;
        showFieldErrors(form, result.error, issueText);
        setSaveState({ kind: 'failed', text: errorText(result.error) });
      }
    });
    return queue.current;
  }, [id, form, errorText, issueText]);

  const changed = useCallback(() => {
    dirty.current = true;
    setSaveState({ kind: 'pending' });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [save]);

  // Leaving the handover (another tab, another page, closing the window) saves what is typed.
  // Not after signing out: the session is gone, and the save would only bring a sign-in notice.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const flush = () => {
      if (useSession.getState().phase === 'signedIn') void saveRef.current();
    };
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, []);

  const pasteFigures = (event: React.ClipboardEvent<HTMLInputElement>) => {
    const figures = parseFigures(event.clipboardData.getData('text'));
    if (!figures) return;
    event.preventDefault();
    form.setFieldsValue({ queue: figures });
    changed();
  };

  /** People nobody marked would read as missing to the incoming lead: the writer is asked first. */
  const confirmUnrecorded = (count: number) =>
    count === 0 ||
    modal.confirm({
      title: t('handover.editor.unrecordedTitle', { count }),
      content: t('handover.editor.unrecordedBody'),
      okText: t('handover.editor.submitAnyway'),
      cancelText: t('common.cancel'),
    });

  const submit = async () => {
    await save();
    if (dirty.current) return; // The save failed; its message is showing.
    if (!incoming) {
      message.warning(t('handover.editor.pickIncoming'));
      return;
    }
    if (!(await confirmUnrecorded(detail.staffing.counts.unrecorded))) return;
    setSubmitting(true);
    const result = await write('handover.submit', { id, incomingUserId: incoming });
    setSubmitting(false);
    if (!result.ok) {
      message.error(errorText(result.error));
      return;
    }
    message.success(t('handover.editor.submitted', { name: result.value.incomingName ?? '' }));
    onChange(result.value);
  };

  const others = leads.filter((l) => l.id !== me?.id);
  const canSubmit = detail.actions.includes('submit');

  return (
    <Card
      title={
        <Space wrap size={8}>
          <span>{instanceLabel(detail)}</span>
          <StateTag state={detail.state} />
        </Space>
      }
      extra={<SaveIndicator state={saveState} />}
      data-testid="handover-editor"
    >
      {detail.state === 'disputed' && detail.disputeRemark && (
        <Alert
          type="error"
          showIcon
          data-testid="dispute-remark"
          style={{ marginBottom: 16 }}
          title={t('handover.editor.disputedTitle', { name: detail.incomingName ?? '' })}
          description={<div className="handover-dispute-text">{detail.disputeRemark}</div>}
        />
      )}
      {detail.state === 'submitted' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('handover.editor.editingSubmitted', { name: detail.incomingName ?? '' })}
        />
      )}
      <Typography.Paragraph type="secondary">
        {t('handover.editor.intro', { name: detail.outgoingName })}
      </Typography.Paragraph>

      <ClearFixedErrors form={form}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            staffingRemark: detail.staffingRemark,
            seatsStatus: detail.seatsStatus,
            queue: detail.queue,
            notices: detail.notices,
            escalations: detail.escalations,
            remarks: detail.remarks,
          }}
          onValuesChange={changed}
        >
          <Section n={1} title={t('handover.section.staffing')}>
            <StaffingFacts staffing={detail.staffing} writer />
            <Form.Item
              name="staffingRemark"
              label={t('fields.staffingRemark')}
              style={{ marginTop: 12 }}
            >
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 6 }}
                maxLength={500}
                placeholder={t('handover.editor.staffingPlaceholder')}
              />
            </Form.Item>
          </Section>

          <Section n={2} title={t('handover.section.seats')}>
            <Form.Item name="seatsStatus" aria-label={t('handover.section.seats')}>
              <Input.TextArea
                aria-label={t('handover.section.seats')}
                autoSize={{ minRows: 2, maxRows: 8 }}
                maxLength={1000}
                placeholder={t('handover.editor.seatsPlaceholder')}
              />
            </Form.Item>
          </Section>

          <Section n={3} title={t('handover.section.queue')}>
            <Flex wrap gap={16}>
              {FIGURES.map((figure, i) => (
                <Form.Item key={figure} name={['queue', figure]} label={t(`fields.${figure}`)}>
                  <InputNumber
                    aria-label={t(`fields.${figure}`)}
                    min={0}
                    max={
                      figure === 'serviceLevel' ? 100 : figure === 'ahtSeconds' ? 36_000 : 1_000_000
                    }
                    precision={figure === 'serviceLevel' ? 1 : 0}
                    suffix={
                      figure === 'serviceLevel'
                        ? '%'
                        : figure === 'ahtSeconds'
                          ? t('handover.editor.seconds')
                          : undefined
                    }
                    style={{ width: 150 }}
                    onPaste={i === 0 ? pasteFigures : undefined}
                  />
                </Form.Item>
              ))}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('handover.editor.pasteHint')}
            </Typography.Text>
          </Section>

          <Section
            n={4}
            title={t('handover.section.items', { count: detail.items.length })}
            extra={
              <Button icon={<PlusOutlined />} onClick={() => items.edit('new')}>
                {t('handover.item.add')}
              </Button>
            }
          >
            {detail.items.some((i) => i.carried) && (
              <Typography.Paragraph type="secondary">
                {t('handover.editor.carriedHint')}
              </Typography.Paragraph>
            )}
            <ItemsTable
              handoverId={detail.id}
              items={detail.items}
              history={detail.history}
              onEdit={items.edit}
            />
          </Section>

          {(['notices', 'escalations', 'remarks'] as const).map((field, i) => (
            <Section key={field} n={5 + i} title={t(`fields.${field}`)}>
              <Form.Item name={field}>
                <Input.TextArea
                  aria-label={t(`fields.${field}`)}
                  autoSize={{ minRows: 2, maxRows: 10 }}
                  maxLength={2000}
                  placeholder={t(`handover.editor.${field}Placeholder`)}
                />
              </Form.Item>
            </Section>
          ))}
        </Form>
      </ClearFixedErrors>

      <div className="handover-submit-bar">
        {canSubmit ? (
          <Flex wrap gap={12} align="center">
            <Typography.Text strong>{t('handover.editor.handTo')}</Typography.Text>
            <Select
              aria-label={t('fields.incomingUserId')}
              placeholder={t('handover.editor.pickIncoming')}
              style={{ width: 220 }}
              value={incoming}
              onChange={setIncoming}
              showSearch={{ optionFilterProp: 'label' }}
              options={others.map((l) => ({ value: l.id, label: l.displayName }))}
              notFoundContent={t('handover.editor.noLeads')}
            />
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={submitting}
              onClick={() => void submit()}
            >
              {detail.state === 'disputed'
                ? t('handover.editor.resubmit')
                : t('handover.editor.submit')}
            </Button>
            <Typography.Text type="secondary">{t('handover.editor.submitHint')}</Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('handover.editor.editToSubmit')}</Typography.Text>
        )}
      </div>

      <ItemModal
        item={items.editing}
        handoverId={id}
        onClose={items.close}
        onSaved={() => items.saved()}
      />
    </Card>
  );
}
