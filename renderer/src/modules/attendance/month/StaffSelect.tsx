import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../../shared/contract';
import { useQuery } from '../../../api/queries';
import type { PersonRef } from './cells';

const optionOf = (s: Pick<PersonRef, 'id' | 'name' | 'employeeNo' | 'teamName'>) => ({
  value: s.id,
  label: `${s.name} · ${s.employeeNo}${s.teamName ? ` · ${s.teamName}` : ''}`,
});

/**
 * Picks one person from the roster by name or employee number, searching on the backend so a
 * 600-person center never loads the whole roster into a dropdown.
 */
export function StaffSelect({
  value,
  selected,
  onChange,
  onPick,
  style,
  ...rest
}: {
  value?: number | null;
  /** The chosen person when the caller already knows them, so the box shows a name, not an id. */
  selected?: PersonRef;
  onChange?: (id: number) => void;
  /** The whole row of the chosen person (team, position), for callers that need more than the id. */
  onPick?: (staff: Staff) => void;
  style?: React.CSSProperties;
  /** The choice may be emptied again (an optional link to a person). */
  allowClear?: boolean;
  'aria-label'?: string;
  id?: string;
}) {
  const { t } = useTranslation('attendance');
  const [search, setSearch] = useState('');
  const list = useQuery('org.staff.list', { search: search || undefined, page: 1, pageSize: 30 });
  // The chosen person stays labelled after the search moves on to other names.
  const [picked, setPicked] = useState<PersonRef>();
  const rows = list.data?.rows ?? [];
  const options = rows.map(optionOf);
  const current = [selected, picked].find((p) => p && p.id === value);
  if (current && !rows.some((r) => r.id === current.id)) options.unshift(optionOf(current));

  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: (text) => setSearch(text.trim()) }}
      value={value ?? undefined}
      placeholder={t('attendance.pickStaff')}
      loading={list.loading}
      style={style ?? { width: '100%' }}
      options={options}
      notFoundContent={list.loading ? undefined : t('attendance.noStaffMatch')}
      onChange={(id: number) => {
        const staff = rows.find((r) => r.id === id);
        setPicked(staff);
        setSearch('');
        onChange?.(id);
        if (staff) onPick?.(staff);
      }}
    />
  );
}
