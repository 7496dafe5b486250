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

type Values = Record<string, unknown>;
const isValues = (v: unknown): v is Values => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * What an update changed, field by field, as "状态：待处理 → 已解决". The backend records an
 * update as `{ before, after }` of the changed fields; a new item's own fields are on its row.
 */
function useChanges() {
  const { t } = useTranslation('handover');
  const { categoryName } = useHandoverRefs();
  const wallTime = useWallTime();
  return (event: ItemEvent): string[] => {
    const { before, after } = event.changes ?? {};
    if (event.action === 'created' || !isValues(before) || !isValues(after)) return [];
    const show = (field: string, v: unknown) => {
      if (v === null || v === undefined || v === '') return '—';
      const text = typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
      if (field === 'status') return t(`handover.itemStatus.${text}`, { defaultValue: text });
      if (field === 'priority') return t(`handover.priority.${text}`, { defaultValue: text });
      if (field === 'category') return categoryName(text);
      if (field === 'dueAt') return wallTime(text);
      return text;
    };
    return Object.keys(after).map((field) =>
      t('handover.labeled', {
        label: t(`fields.${field}`, { defaultValue: field }),
        value: `${show(field, before[field])} → ${show(field, after[field])}`,
      }),
    );
  };
}

/** An item's whole life across shifts: written, carried from shift to shift, changed, resolved. */
export function ItemHistory({ events }: { events: ItemEvent[] }) {
  const { t } = useTranslation('handover');
  const dates = useDateFormat();
  const changes = useChanges();
  if (events.length === 0)
    return <Typography.Text type="secondary">{t('handover.history.none')}</Typography.Text>;
  return (
    <ol className="handover-history" data-testid="item-history">
      {events.map((e) => (
        <li key={e.id}>
          <span className="handover-history-time">{dates.time(e.at)}</span>
          <strong>{e.user}</strong> {t(`handover.event.${e.action}`)}
          {changes(e).map((text) => (
            <span key={text} className="handover-history-change">
              {text}
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
  handoverId,
  items,
  history,
  locked = false,
  print = false,
  onEdit,
}: {
  handoverId: number;
  items: Item[];
  history: ItemEvent[];
  locked?: boolean;
  print?: boolean;
  onEdit?: (item: Item) => void;
}) {
  const { t } = useTranslation('handover');
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
          <th className="col-n">#</th>
          <th className="col-category">{t('fields.category')}</th>
          <th>{t('fields.description')}</th>
          <th className="col-priority">{t('fields.priority')}</th>
          <th className="col-due">{t('fields.dueAt')}</th>
          <th className="col-owner">{t('fields.owner')}</th>
          <th className="col-status">{t('fields.status')}</th>
          {onEdit && <th className="col-actions">{t('common.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => {
          // Locked: the sheet shows what was handed over; the current status follows when it moved.
          const shown = locked && item.snapshot ? item.snapshot : item;
          const moved = locked && item.snapshot && item.snapshot.status !== item.status;
          const events = history.filter((e) => e.itemId === item.id);
          // Which shift of its life this handover is: carried into this one and those before it.
          // (`shifts` counts later handovers too; an older sheet must not say more than it knew.)
          const shiftHere =
            1 +
            events.filter(
              (e) => e.action === 'carried' && e.handoverId !== null && e.handoverId <= handoverId,
            ).length;
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
                    <CarriedBadges shifts={shiftHere} carried={item.carried} />
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
