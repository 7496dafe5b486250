import { AutoComplete } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/queries';
import { usePersonName } from '../../format';
import { useHandoverRefs } from './refs';

/** The owner field's longest text (the contract's optionalText(30)). */
const OWNER_MAX = 30;

/**
 * Who follows a pending item up: picked from the roster (by name or employee number, searched on
 * the backend) or from the leads, or typed freely ("IT 值班"). A person from the roster is written
 * with the employee number, so two 王芳 are never confused on the next shift's sheet.
 */
export function OwnerInput({
  value,
  onChange,
  getPopupContainer,
  id,
}: {
  value?: string;
  onChange?: (value: string) => void;
  getPopupContainer?: (trigger: HTMLElement) => HTMLElement;
  id?: string;
}) {
  const { t } = useTranslation('handover');
  const personName = usePersonName();
  const { leads } = useHandoverRefs();
  const [search, setSearch] = useState('');
  const staff = useQuery(
    'org.staff.list',
    search ? { search, status: 'active', page: 1, pageSize: 20 } : null,
  );
  const typed = search.toLowerCase();
  const options = [
    {
      label: t('handover.item.ownerStaff'),
      options: (staff.data?.rows ?? []).map((s) => {
        const text = personName(s);
        return {
          key: `staff-${s.id}`,
          value: text.length <= OWNER_MAX ? text : s.name,
          label: [s.name, s.employeeNo, s.teamName].filter(Boolean).join(' · '),
        };
      }),
    },
    {
      label: t('handover.item.ownerUsers'),
      options: leads
        .filter((l) => typed && l.displayName.toLowerCase().includes(typed))
        .map((l) => ({ key: `user-${l.id}`, value: l.displayName, label: l.displayName })),
    },
  ].filter((group) => group.options.length > 0);

  return (
    <AutoComplete
      id={id}
      value={value}
      onChange={(text: string) => onChange?.(text)}
      onSearch={(text) => setSearch(text.trim())}
      options={options}
      getPopupContainer={getPopupContainer}
      maxLength={OWNER_MAX}
      aria-label={t('fields.owner')}
      placeholder={t('handover.item.ownerPlaceholder')}
    />
  );
}
