import { Card, Checkbox, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input as ChannelInput } from '../../../../shared/contract';
import { HANDOVER_STATES, searchWords } from '../../../../shared/domain/handover';
import { useQuery } from '../../api/queries';
import { EmptyState, LoadError } from '../../components/PageState';
import { HandoverRows } from './HandoverRows';
import { Highlighted } from './Highlighted';
import { useHandoverRefs } from './refs';
import { goHandover } from './route';

type Filter = Omit<ChannelInput<'handover.list'>, 'page' | 'pageSize'>;
const PAGE_SIZE = 20;

/**
 * 交接记录: every handover, newest first, filtered by dates, shift, team, lead, state and open
 * items, with full-text search over the text, the items and the addenda (Chinese words included).
 */
export function LogTab() {
  const { t } = useTranslation('handover');
  const { shiftTypes, teams, leads } = useHandoverRefs();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const list = useQuery('handover.list', { ...filter, page, pageSize: PAGE_SIZE });
  const set = (change: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...change }));
    setPage(1);
  };
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const words = searchWords(filter.search ?? '');

  return (
    <Card>
      {/* Two rows: what to look for, then where to look. */}
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        <Flex wrap gap={12}>
          <Input.Search
            allowClear
            aria-label={t('common.search')}
            placeholder={t('handover.log.searchPlaceholder')}
            style={{ width: 360 }}
            onSearch={(text) => set({ search: text.trim() || undefined })}
          />
          <DatePicker.RangePicker
            aria-label={t('handover.log.dates')}
            format="YYYY-MM-DD"
            value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
            onChange={(range) =>
              set({
                from: range?.[0]?.format('YYYY-MM-DD'),
                to: range?.[1]?.format('YYYY-MM-DD'),
              })
            }
          />
          <Checkbox
            checked={!!filter.hasOpenItems}
            onChange={(e) => set({ hasOpenItems: e.target.checked || undefined })}
            style={{ alignSelf: 'center' }}
          >
            {t('handover.log.hasOpenItems')}
          </Checkbox>
        </Flex>
        <Flex wrap gap={12}>
          <Select
            aria-label={t('handover.write.shift')}
            placeholder={t('handover.log.anyShift')}
            allowClear
            style={{ width: 160 }}
            value={filter.shiftTypeId}
            onChange={(v?: number) => set({ shiftTypeId: v })}
            options={shiftTypes.map((s) => ({ value: s.id, label: s.name }))}
          />
          <Select
            aria-label={t('handover.sheet.team')}
            placeholder={t('handover.log.anyTeam')}
            allowClear
            style={{ width: 160 }}
            value={filter.teamId}
            onChange={(v?: number) => set({ teamId: v })}
            options={teams.map((x) => ({ value: x.id, label: x.name }))}
          />
          <Select
            aria-label={t('handover.log.lead')}
            placeholder={t('handover.log.anyLead')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 160 }}
            value={filter.userId}
            onChange={(v?: number) => set({ userId: v })}
            options={leads.map((l) => ({ value: l.id, label: l.displayName }))}
          />
          <Select
            aria-label={t('fields.status')}
            placeholder={t('handover.log.anyState')}
            allowClear
            style={{ width: 160 }}
            value={filter.state}
            onChange={(v?: Filter['state']) => set({ state: v })}
            options={HANDOVER_STATES.map((s) => ({ value: s, label: t(`handover.state.${s}`) }))}
          />
        </Flex>
      </Flex>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <HandoverRows
          rows={list.data?.rows ?? []}
          loading={list.loading}
          empty={
            filtered ? (
              <EmptyState
                title={t('handover.log.noMatchTitle')}
                body={t('handover.log.noMatchBody')}
              />
            ) : (
              <EmptyState title={t('handover.log.emptyTitle')} body={t('handover.log.emptyBody')} />
            )
          }
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: setPage,
          }}
          below={(row) =>
            row.excerpt ? (
              <div className="handover-excerpt" data-testid="search-excerpt">
                <Highlighted text={row.excerpt} words={words} />
              </div>
            ) : null
          }
          onOpen={(row) => goHandover({ tab: 'log', id: row.id })}
        />
      )}
    </Card>
  );
}
