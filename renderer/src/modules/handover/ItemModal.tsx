import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverItem } from '../../../../shared/contract';
import {
  ITEM_PRIORITIES,
  ITEM_STATUSES,
  type ItemPriority,
  type ItemStatus,
} from '../../../../shared/domain/handover';
import { write } from '../../api/queries';
import { FormModal } from '../../components/FormModal';
import { OwnerInput } from './OwnerInput';
import { useHandoverRefs } from './refs';

interface ItemValues {
  category?: string;
  description?: string;
  reference?: string;
  priority?: ItemPriority;
  dueAt?: Dayjs | null;
  owner?: string;
  status?: ItemStatus;
  resolution?: string;
}

/**
 * Popups open inside the dialog: the dialog keeps focus within itself, and a list outside it can
 * lose the click that picks an option.
 */
const insideDialog = (trigger: HTMLElement) => trigger.parentElement ?? document.body;

/**
 * Adds a pending item (遗留事项) to a handover, or updates one — from its handover or, without
 * `handoverId`, from the open-items board. Resolving asks for what was done: the next shift reads it.
 */
export function ItemModal({
  item,
  handoverId,
  onClose,
  onSaved,
}: {
  item?: HandoverItem | 'new';
  handoverId?: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('handover');
  const { settings, categoryName } = useHandoverRefs();
  const [form] = Form.useForm<ItemValues>();
  const existing = item && item !== 'new' ? item : undefined;
  const status = Form.useWatch('status', form);

  useEffect(() => {
    if (!item) return;
    form.resetFields();
    form.setFieldsValue(
      existing
        ? {
            ...existing,
            reference: existing.reference ?? undefined,
            owner: existing.owner ?? undefined,
            resolution: existing.resolution ?? undefined,
            dueAt: existing.dueAt ? dayjs(existing.dueAt) : null,
          }
        : { priority: 'normal', status: 'open' },
    );
  }, [item, existing, form]);

  // An item keeps a category the admin has since retired; new ones pick from those in use.
  const categories = (settings?.categories ?? []).filter(
    (c) => c.active || c.code === existing?.category,
  );

  const submit = () => {
    const v = form.getFieldsValue(true) as ItemValues;
    const fields = {
      category: v.category ?? '',
      description: v.description ?? '',
      reference: v.reference || null,
      priority: v.priority ?? 'normal',
      dueAt: v.dueAt ? v.dueAt.format('YYYY-MM-DD HH:mm') : null,
      owner: v.owner || null,
    };
    return existing
      ? write('handover.updateItem', {
          ...fields,
          id: existing.id,
          handoverId: handoverId ?? null,
          status: v.status ?? existing.status,
          resolution: v.status === 'resolved' ? v.resolution || null : null,
        })
      : write('handover.addItem', { ...fields, handoverId: handoverId ?? 0 });
  };

  return (
    <FormModal<unknown>
      open={!!item}
      title={existing ? t('handover.item.edit') : t('handover.item.add')}
      form={form}
      submit={submit}
      onSaved={onSaved}
      onClose={onClose}
      width={600}
    >
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="category" label={t('fields.category')} required>
          <Select
            // The first question: what kind of item. The keyboard starts here.
            autoFocus={!existing}
            getPopupContainer={insideDialog}
            aria-label={t('fields.category')}
            placeholder={t('handover.item.pickCategory')}
            options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('fields.description')} required>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('handover.item.descriptionPlaceholder')}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="reference" label={t('fields.reference')} style={{ flex: 1 }}>
            <Input maxLength={60} placeholder={t('handover.item.referencePlaceholder')} />
          </Form.Item>
          <Form.Item name="owner" label={t('fields.owner')} style={{ flex: 1 }}>
            <OwnerInput getPopupContainer={insideDialog} />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="priority" label={t('fields.priority')}>
            <Radio.Group
              optionType="button"
              options={ITEM_PRIORITIES.map((p) => ({
                value: p,
                label: t(`handover.priority.${p}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="dueAt" label={t('fields.dueAt')}>
            <DatePicker
              getPopupContainer={insideDialog}
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              placeholder={t('handover.item.duePlaceholder')}
              style={{ width: 200 }}
            />
          </Form.Item>
        </div>
        {existing && (
          <Form.Item name="status" label={t('fields.status')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={ITEM_STATUSES.map((s) => ({
                value: s,
                label: t(`handover.itemStatus.${s}`),
              }))}
            />
          </Form.Item>
        )}
        {existing && status === 'resolved' && (
          <Form.Item
            name="resolution"
            label={t('fields.resolution')}
            required
            extra={t('handover.item.resolutionHint')}
          >
            <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
