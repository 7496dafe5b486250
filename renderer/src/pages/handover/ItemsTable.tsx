import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverDetail } from '../../../../shared/contract';
import { useDateFormat } from '../../format';
import {
  CarriedBadges,
  CategoryTag,
  DueTime,
  ItemStatusTag,
  PriorityTag,
  useWallTime,
} from './labels';
import { useHandoverRefs } from './refs';

type Item = HandoverDetail['items'][number];
type ItemEvent = HandoverDetail['history'][number];

/** One change's fields, as "状态：待处理 → 已解决". The backend records before and after per field. */
function useChangeText() {
  const { t } = useTranslation();
  const { categoryName } = useHandoverRefs();
  const wallTime = useWallTime();
  return (field: string, change: unknown) => {
    const show = (v: unknown) => {
      if (v === null || v === undefined || v === '') return '—';
      const text = typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
      if (field === 'status') return t(`handover.itemStatus.${text}`, { defaultValue: text });
      if (field === 'priority') return t(`handover.priority.${text}`, { defaultValue: text });
      if (field === 'category') return categoryName(text);
      if (field === 'dueAt') return wallTime(text);
      return text;
    };
    const label = t(`fields.${field}`, { defaultValue: field });
    const pair = Array.isArray(change)
      ? change
      : change && typeof change === 'object'
        ? (['from', 'to'] as const).every((k) => k in change)
          ? [(change as { from: unknown }).from, (change as { to: unknown }).to]
          : (['before', 'after'] as const).every((k) => k in change)
            ? [(change as { before: unknown }).before, (change as { after: unknown }).after]
            : null
        : null;
    const value = pair && pair.length === 2 ? `${show(pair[0])} → ${show(pair[1])}` : show(change);
    return t('handover.labeled', { label, value });
  };
}

/** An item's whole life across shifts: written, carried from shift to shift, changed, resolved. */
export function ItemHistory({ events }: { events: ItemEvent[] }) {
  const { t } = useTranslation();
  const dates = useDateFormat();
  const changeText = useChangeText();
  if (events.length === 0)
    return <Typography.Text type="secondary">{t('handover.history.none')}</Typography.Text>;
  return (
    <ol className="handover-history" data-testid="item-history">
      {events.map((e) => (
        <li key={e.id}>
          <span className="handover-history-time">{dates.time(e.at)}</span>
          <strong>{e.user}</strong> {t(`handover.event.${e.action}`)}
          {e.changes &&
            Object.entries(e.changes).map(([field, change]) => (
              <span key={field} className="handover-history-change">
                {changeText(field, change)}
              </span>
            ))}
        </li>
      ))}
    </ol>
  );
}

/**
 * The pending items (遗留事项) as a sheet table. Locked handovers show each item as the incoming
 * lead acknowledged it, and its status now when that has moved on since.
 */
export function ItemsTable({
  items,
  history,
  locked = false,
  print = false,
  onEdit,
}: {
  items: Item[];
  history: ItemEvent[];
  locked?: boolean;
  print?: boolean;
  onEdit?: (item: Item) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const columns = onEdit ? 8 : 7;

  if (items.length === 0)
    return (
      <Typography.Paragraph type="secondary" className="handover-empty-line">
        {t('handover.item.none')}
      </Typography.Paragraph>
    );

  const toggle = (id: number) =>
    setOpen((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <table className="handover-table handover-items" data-testid="handover-items">
      <thead>
        <tr>
          <th style={{ width: 32 }}>#</th>
          <th style={{ width: 96 }}>{t('fields.category')}</th>
          <th>{t('fields.description')}</th>
          <th style={{ width: 64 }}>{t('fields.priority')}</th>
          <th style={{ width: 120 }}>{t('fields.dueAt')}</th>
          <th style={{ width: 80 }}>{t('fields.owner')}</th>
          <th style={{ width: 96 }}>{t('fields.status')}</th>
          {onEdit && <th style={{ width: 72 }}>{t('common.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => {
          // Locked: the sheet shows what was handed over; the current status follows when it moved.
          const shown = locked && item.snapshot ? item.snapshot : item;
          const moved = locked && item.snapshot && item.snapshot.status !== item.status;
          const events = history.filter((e) => e.itemId === item.id);
          return (
            <Fragment key={item.id}>
              <tr
                className={item.overdue ? 'handover-item-overdue' : undefined}
                data-testid={`item-${item.id}`}
              >
                <td>{index + 1}</td>
                <td>
                  <CategoryTag code={shown.category} />
                </td>
                <td>
                  <div className="handover-item-text">{shown.description}</div>
                  {shown.reference && (
                    <div className="handover-item-sub">
                      {t('handover.labeled', {
                        label: t('fields.reference'),
                        value: shown.reference,
                      })}
                    </div>
                  )}
                  <div>
                    <CarriedBadges shifts={item.shifts} carried={item.carried} />
                    {!print && (
                      <Button
                        type="link"
                        size="small"
                        icon={<HistoryOutlined />}
                        onClick={() => toggle(item.id)}
                        aria-expanded={open.has(item.id)}
                      >
                        {t('handover.history.toggle', { count: events.length })}
                      </Button>
                    )}
                  </div>
                </td>
                <td>
                  <PriorityTag priority={shown.priority} />
                </td>
                <td>
                  <DueTime dueAt={shown.dueAt} overdue={item.overdue} />
                </td>
                <td>{shown.owner ?? '—'}</td>
                <td>
                  <ItemStatusTag status={shown.status} />
                  {shown.resolution && <div className="handover-item-sub">{shown.resolution}</div>}
                  {moved && (
                    <div className="handover-item-now" data-testid="item-now">
                      {t('handover.item.now')}
                      <ItemStatusTag status={item.status} />
                      {item.resolution && (
                        <div className="handover-item-sub">{item.resolution}</div>
                      )}
                    </div>
                  )}
                </td>
                {onEdit && (
                  <td>
                    {item.status !== 'resolved' && (
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('handover.item.editNamed', { n: index + 1 })}
                        onClick={() => onEdit(item)}
                      >
                        {t('common.edit')}
                      </Button>
                    )}
                  </td>
                )}
              </tr>
              {open.has(item.id) && !print && (
                <tr className="handover-history-row">
                  <td />
                  <td colSpan={columns - 1}>
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      <Typography.Text type="secondary">
                        {t('handover.history.title', { who: item.createdBy })}
                      </Typography.Text>
                      <ItemHistory events={events} />
                    </Space>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
