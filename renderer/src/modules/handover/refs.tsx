import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverSettings, ShiftType, Team } from '../../../../shared/contract';
import { useQuery } from '../../api/queries';
import { useShiftHoursLabel } from '../../components/ShiftHours';

interface Lead {
  id: number;
  displayName: string;
  role: string;
}

interface HandoverRefs {
  settings?: HandoverSettings;
  shiftTypes: ShiftType[];
  teams: Team[];
  leads: Lead[];
  loaded: boolean;
}

const Refs = createContext<HandoverRefs>({
  shiftTypes: [],
  teams: [],
  leads: [],
  loaded: false,
});

/** What every handover screen names things by: categories, shifts, teams, leads. Loaded once per page. */
export function HandoverRefsProvider({ children }: { children: ReactNode }) {
  const settings = useQuery('handover.settings', {});
  const shiftTypes = useQuery('org.shiftTypes.list', {});
  const teams = useQuery('org.teams.list', {});
  const leads = useQuery('handover.leads', {});
  const value = useMemo(
    () => ({
      settings: settings.data,
      shiftTypes: shiftTypes.data ?? [],
      teams: teams.data ?? [],
      leads: leads.data ?? [],
      loaded: !!settings.data && !!shiftTypes.data && !!teams.data,
    }),
    [settings.data, shiftTypes.data, teams.data, leads.data],
  );
  return <Refs.Provider value={value}>{children}</Refs.Provider>;
}

export function useHandoverRefs() {
  const { t } = useTranslation('handover');
  const refs = useContext(Refs);
  const { settings, shiftTypes, teams } = refs;

  /** The default categories are named in the user's language by code; an admin's own show their name. */
  const categoryName = useCallback(
    (code: string) =>
      t(`handover.category.${code}`, {
        defaultValue: settings?.categories.find((c) => c.code === code)?.name ?? code,
      }),
    [t, settings],
  );
  const shiftName = useCallback(
    (id: number) => shiftTypes.find((s) => s.id === id)?.name ?? '',
    [shiftTypes],
  );
  const hoursLabel = useShiftHoursLabel();
  /** 夜班 00:00–08:00: the shift type's own hours, as every other screen writes them. */
  const shiftWithHours = useCallback(
    (id: number) => {
      const shift = shiftTypes.find((s) => s.id === id);
      return shift ? `${shift.name} ${hoursLabel(shift)}` : '';
    },
    [shiftTypes, hoursLabel],
  );
  /** 2026-03-01 夜班 · 客服一组 — the shift instance a handover belongs to. */
  const teamLabel = useCallback(
    (teamId: number | null, teamName?: string | null) =>
      teamId === null
        ? t('handover.wholeFloor')
        : (teamName ?? teams.find((x) => x.id === teamId)?.name ?? ''),
    [t, teams],
  );
  return { ...refs, categoryName, shiftName, shiftWithHours, teamLabel };
}
