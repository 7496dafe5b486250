import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handoverInstance } from '../../../../shared/domain/handover';
import { addDaysTo } from '../../../../shared/domain/time';
import { write } from '../../api/queries';
import { useErrorText } from '../../components/errors';
import { EmptyState } from '../../components/PageState';
import { ShiftHoursText } from '../../components/ShiftHours';
import { useMyTeams } from '../../teams';
import { useUi } from '../../stores/ui';
import { wallNow } from '../../format';
import { HandoverRows } from './HandoverRows';
import { useMyHandovers } from './mine';
import { useHandoverRefs } from './refs';
import { goHandover } from './route';

/** The team a desk last wrote for: the same supervisor sits at the same desk shift after shift. */
const TEAM_KEY = 'supervisor-console.handover.team';

/** The signed-in lead's handovers that are not signed yet: sent back first, then drafts, then waiting. */
function MyOpenHandovers() {
  const { t } = useTranslation('handover');
  const lists = [
    useMyHandovers('outgoing', 'disputed'),
    useMyHandovers('outgoing', 'draft'),
    useMyHandovers('outgoing', 'submitted'),
  ];
  return (
    <Card title={t('handover.write.mine')} size="small">
      <HandoverRows
        rows={lists.flatMap((l) => l.rows)}
        loading={lists.some((l) => l.loading)}
        empty={<Typography.Text type="secondary">{t('handover.write.noneOpen')}</Typography.Text>}
        onOpen={(row) => goHandover({ tab: 'write', id: row.id })}
      />
    </Card>
  );
}

/**
 * 写交接: pick the shift instance (by default the one that just ended, or the one running) and open its handover; the
 * backend creates the draft with every unresolved item carried in, or opens the one already begun.
 */
export function WriteTab() {
  const { t } = useTranslation('handover');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const go = useUi((s) => s.go);
  const { shiftTypes, teams: allTeams, settings, loaded } = useHandoverRefs();
  // A supervisor hands over for the teams they lead (the backend refuses others).
  const myTeams = useMyTeams();
  const teams = useMemo(
    () => allTeams.filter((x) => !myTeams.data || myTeams.data.some((m) => m.id === x.id)),
    [allTeams, myTeams.data],
  );
  // The instance the lead is most likely handing over: at 08:05 the night shift that just ended.
  const [now] = useState(wallNow);
  const active = useMemo(() => shiftTypes.filter((s) => s.active), [shiftTypes]);
  const current = useMemo(() => handoverInstance(now, active), [now, active]);
  const ownTeam = myTeams.ownTeamId;
  const [picked, setPicked] = useState<{ date?: string; shiftTypeId?: number }>({});
  const [savedTeam, setSavedTeam] = useState<number | null>(() => {
    const saved = Number(localStorage.getItem(TEAM_KEY));
    return saved || null;
  });
  const [opening, setOpening] = useState(false);

  const today = now.slice(0, 10);
  const date = picked.date ?? current?.date ?? today;
  const shiftTypeId = picked.shiftTypeId ?? current?.shiftTypeId ?? active[0]?.id;
  const floor = settings?.scope === 'floor';
  // The desk's choice while it lasts, else the user's own team, else the first.
  const team =
    teams.find((x) => x.id === savedTeam) ?? teams.find((x) => x.id === ownTeam) ?? teams[0];
  const isCurrent = current?.date === date && current.shiftTypeId === shiftTypeId;

  if (loaded && active.length === 0)
    return (
      <EmptyState
        title={t('handover.write.noShiftsTitle')}
        body={t('handover.write.noShiftsBody')}
        action={<Button onClick={() => go('shiftTypes')}>{t('org:nav.shiftTypes')}</Button>}
      />
    );
  if (loaded && !floor && teams.length === 0)
    return (
      <EmptyState
        title={t('handover.write.noTeamsTitle')}
        body={t('handover.write.noTeamsBody')}
        action={<Button onClick={() => go('teams')}>{t('org:nav.teams')}</Button>}
      />
    );

  const open = async () => {
    if (!shiftTypeId) return;
    setOpening(true);
    const result = await write('handover.start', {
      date,
      shiftTypeId,
      teamId: floor ? null : (team?.id ?? null),
    });
    setOpening(false);
    if (result.ok) goHandover({ tab: 'write', id: result.value.id });
    else message.error(errorText(result.error));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Paragraph type="secondary">{t('handover.write.intro')}</Typography.Paragraph>
        <Flex wrap gap={12} align="center">
          <DatePicker
            aria-label={t('fields.date')}
            allowClear={false}
            format="YYYY-MM-DD"
            value={dayjs(date)}
            // A handover is written at the end of a shift: nothing beyond tomorrow.
            disabledDate={(d) => d.format('YYYY-MM-DD') > addDaysTo(today, 1)}
            onChange={(d) => d && setPicked((p) => ({ ...p, date: d.format('YYYY-MM-DD') }))}
            style={{ width: 150 }}
          />
          <Select
            aria-label={t('handover.write.shift')}
            style={{ width: 200 }}
            value={shiftTypeId}
            onChange={(id: number) => setPicked((p) => ({ ...p, shiftTypeId: id }))}
            options={active.map((s) => ({
              value: s.id,
              label: (
                <span>
                  {s.name} <ShiftHoursText shift={s} />
                </span>
              ),
            }))}
          />
          {floor ? (
            <Tag>{t('handover.wholeFloor')}</Tag>
          ) : (
            <Select
              aria-label={t('handover.sheet.team')}
              style={{ width: 180 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={team?.id}
              onChange={(id: number) => {
                localStorage.setItem(TEAM_KEY, String(id));
                setSavedTeam(id);
              }}
              options={teams.map((x) => ({ value: x.id, label: x.name }))}
            />
          )}
          {isCurrent ? (
            <Tag color="green">{t('handover.write.current')}</Tag>
          ) : (
            current && (
              <Button type="link" onClick={() => setPicked({})}>
                {t('handover.write.backToCurrent')}
              </Button>
            )
          )}
          <Button
            type="primary"
            icon={<EditOutlined />}
            loading={opening}
            disabled={!shiftTypeId || (!floor && !team)}
            onClick={() => void open()}
          >
            {t('handover.write.open')}
          </Button>
        </Flex>
      </Card>
      <MyOpenHandovers />
    </Space>
  );
}
