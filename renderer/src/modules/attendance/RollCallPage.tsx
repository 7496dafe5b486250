import { Button, Card, DatePicker, Divider, Flex, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rollCallInstances, type ShiftInstanceRef } from '../../../../shared/domain/attendance';
import { addDaysTo } from '../../../../shared/domain/time';
import { useQuery } from '../../api/queries';
import { EmptyState, LoadError } from '../../components/PageState';
import { useShiftHoursLabel } from '../../components/ShiftHours';
import { useSession } from '../../stores/session';
import { useMyTeams } from '../../teams';
import { useUi } from '../../stores/ui';
import { wallNow } from '../../format';
import { ShiftRollCall } from './rollcall/ShiftRollCall';

/** The team a desk last called: the same supervisor sits at the same desk shift after shift. */
const TEAM_KEY = 'supervisor-console.rollCall.team';

/** The wall clock, to the minute: the current and next shift move on while the page is open. */
function useWallClock() {
  const [now, setNow] = useState(() => wallNow());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(wallNow()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function ShortcutLegend() {
  const { t } = useTranslation('attendance');
  const keys: [string, string][] = [
    ['↑ ↓ / J K', t('rollCall.keys.move')],
    ['1', t('rollCall.marks.present')],
    ['2', t('rollCall.marks.late')],
    ['3', t('rollCall.marks.absent')],
    ['4', t('rollCall.marks.leave')],
    ['Shift+1', t('rollCall.keys.rest')],
    ['Enter', t('common.confirm')],
    ['Esc', t('common.cancel')],
  ];
  return (
    <Typography.Text type="secondary" className="rollcall-keys" data-testid="rollcall-keys">
      {t('rollCall.keys.title')}
      {keys.map(([key, what]) => (
        <span key={key} style={{ marginInlineStart: 12, whiteSpace: 'nowrap' }}>
          <kbd>{key}</kbd>
          {what}
        </span>
      ))}
    </Typography.Text>
  );
}

/**
 * 点名: the pre-shift roll-call. The current and the next shift of one team side by side, so the
 * supervisor at the meeting marks whoever is there; any other date and shift for a late entry.
 */
export function RollCallPage() {
  const { t } = useTranslation('attendance');
  const go = useUi((s) => s.go);
  const now = useWallClock();
  // A supervisor calls the roll of the teams they lead (the backend refuses others).
  const teams = useMyTeams();
  const shiftTypes = useQuery('org.shiftTypes.list', {});
  const leaveTypes = useQuery('attendance.leaveTypes.list', {});
  const rules = useQuery('attendance.rules', {});
  const [savedTeam, setSavedTeam] = useState(() => Number(localStorage.getItem(TEAM_KEY)) || 0);
  const [picked, setPicked] = useState<{ date?: string; shiftTypeId?: number }>({});
  /** Instances with nobody of the team scheduled: they show as one line, and lose the keyboard. */
  const [empty, setEmpty] = useState<ReadonlySet<string>>(new Set());
  const ownTeamIds = useSession((s) => s.user)?.teamIds ?? [];
  const shiftHours = useShiftHoursLabel();

  const activeShifts = useMemo(
    () => (shiftTypes.data ?? []).filter((s) => s.active),
    [shiftTypes.data],
  );
  const { first, second, firstIsNext } = useMemo(
    () => rollCallInstances(now, activeShifts),
    [now, activeShifts],
  );
  const current = firstIsNext ? second : first;
  // The user's own team first; the desk's last team when it is theirs, or they have none.
  const teamId =
    ownTeamIds.length === 0 || ownTeamIds.includes(savedTeam) ? savedTeam : ownTeamIds[0];
  const team = teams.data?.find((x) => x.id === teamId) ?? teams.data?.[0];
  const today = now.slice(0, 10);

  const failed = teams.error ?? shiftTypes.error ?? leaveTypes.error;
  if (failed) {
    const retry = () => [teams, shiftTypes, leaveTypes].forEach((q) => q.reload());
    return <LoadError error={failed} onRetry={retry} />;
  }
  if (teams.data?.length === 0) {
    return (
      <Card>
        <EmptyState
          title={t('rollCall.noTeamsTitle')}
          body={t('rollCall.noTeamsBody')}
          action={
            <Button type="primary" onClick={() => go('teams')}>
              {t('rollCall.goTeams')}
            </Button>
          }
        />
      </Card>
    );
  }
  if (shiftTypes.data && activeShifts.length === 0) {
    return (
      <Card>
        <EmptyState
          title={t('rollCall.noShiftsTitle')}
          body={t('rollCall.noShiftsBody')}
          action={
            <Button type="primary" onClick={() => go('shiftTypes')}>
              {t('rollCall.goShiftTypes')}
            </Button>
          }
        />
      </Card>
    );
  }

  const pickedRef: ShiftInstanceRef | null =
    picked.date && picked.shiftTypeId
      ? { date: picked.date, shiftTypeId: picked.shiftTypeId }
      : null;
  const instances = (
    pickedRef
      ? [{ label: t('rollCall.picked'), ref: pickedRef }]
      : [
          // The shift about to start (or just started) first: its roll-call is the one now.
          { label: t(firstIsNext ? 'rollCall.next' : 'rollCall.current'), ref: first },
          { label: t(firstIsNext ? 'rollCall.current' : 'rollCall.next'), ref: second },
        ]
  ).flatMap(({ label, ref }) => {
    const shift = ref && activeShifts.find((s) => s.id === ref.shiftTypeId);
    return ref && shift ? [{ label, date: ref.date, shift }] : [];
  });
  const keyOf = (date: string, shiftId: number) => `${team?.id}|${date}|${shiftId}`;
  // The keyboard goes to the first list with people in it, so pressing 1 marks someone.
  const focusKey = instances.map((i) => keyOf(i.date, i.shift.id)).find((k) => !empty.has(k));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <Space>
            <Typography.Text>{t('rollCall.team')}</Typography.Text>
            <Select
              style={{ width: 180 }}
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('rollCall.team')}
              value={team?.id}
              loading={teams.loading}
              onChange={(id: number) => {
                localStorage.setItem(TEAM_KEY, String(id));
                setSavedTeam(id);
              }}
              options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            />
          </Space>
          <Divider orientation="vertical" />
          <Space wrap>
            <Typography.Text>{t('rollCall.other')}</Typography.Text>
            <DatePicker
              aria-label={t('rollCall.pickDate')}
              placeholder={t('rollCall.pickDate')}
              format="YYYY-MM-DD"
              value={picked.date ? dayjs(picked.date) : null}
              // A roll-call is for what has happened or is about to: nothing beyond tomorrow.
              disabledDate={(d) => d.format('YYYY-MM-DD') > addDaysTo(today, 1)}
              onChange={(d) =>
                setPicked((p) =>
                  d
                    ? {
                        date: d.format('YYYY-MM-DD'),
                        shiftTypeId: p.shiftTypeId ?? current?.shiftTypeId ?? activeShifts[0]?.id,
                      }
                    : {},
                )
              }
              style={{ width: 150 }}
            />
            <Select
              aria-label={t('rollCall.pickShift')}
              placeholder={t('rollCall.pickShift')}
              style={{ width: 200 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={picked.shiftTypeId}
              onChange={(shiftTypeId: number) =>
                setPicked((p) => ({ date: p.date ?? today, shiftTypeId }))
              }
              options={activeShifts.map((s) => ({
                value: s.id,
                label: `${s.name} ${shiftHours(s)}`,
              }))}
            />
            {pickedRef && (
              <Button onClick={() => setPicked({})}>{t('rollCall.backToCurrent')}</Button>
            )}
          </Space>
        </Flex>
        <div style={{ marginTop: 10 }}>
          <ShortcutLegend />
        </div>
      </Card>

      {team &&
        instances.map(({ label, date, shift }) => (
          <ShiftRollCall
            // A new team or instance is a new list: its own state, its own queue of calls.
            key={keyOf(date, shift.id)}
            label={label}
            date={date}
            shift={shift}
            teamId={team.id}
            leaveTypes={leaveTypes.data ?? []}
            rules={rules.data}
            now={now}
            autoFocus={focusKey === keyOf(date, shift.id)}
            onEmpty={() => {
              const key = keyOf(date, shift.id);
              setEmpty((had) => (had.has(key) ? had : new Set(had).add(key)));
            }}
          />
        ))}
    </Space>
  );
}
