import { CopyOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleValue, ScheduleWeek, ShiftType } from '../../../../shared/contract';
import { addDaysTo, formatDate, weekStartOf } from '../../../../shared/domain/time';
import { errorOf } from '../../api/client';
import { useQuery, write, writeOrThrow } from '../../api/queries';
import { useErrorText } from '../../components/errors';
import { EmptyState, LoadError } from '../../components/PageState';
import { useShiftHoursLabel } from '../../components/ShiftHours';
import { useDateFormat } from '../../format';
import { useSession } from '../../stores/session';
import { useMyTeams } from '../../teams';
import { useUi } from '../../stores/ui';

type Person = ScheduleWeek['staff'][number];
const CLEAR = 'clear';

function ShiftCell({
  value,
  shifts,
  disabled,
  label,
  onChange,
}: {
  value: number | 'rest' | undefined;
  shifts: ShiftType[];
  disabled: boolean;
  label: string;
  onChange: (value: ScheduleValue) => void;
}) {
  const { t } = useTranslation('org');
  const current = typeof value === 'number' ? shifts.find((s) => s.id === value) : undefined;
  return (
    <Select
      size="small"
      variant="borderless"
      aria-label={label}
      disabled={disabled}
      value={value}
      placeholder={t('schedule.unset')}
      popupMatchSelectWidth={false}
      style={{
        width: '100%',
        borderRadius: 4,
        background: current ? `${current.color}1f` : undefined,
        // A rest day is a decision, not a disabled cell: dashed outline, readable text.
        outline: value === 'rest' ? '1px dashed #bfbfbf' : undefined,
      }}
      onChange={(v: number | 'rest' | typeof CLEAR) => onChange(v === CLEAR ? null : v)}
      options={[
        ...shifts
          .filter((s) => s.active || s.id === value)
          .map((s) => ({
            value: s.id,
            label: (
              <span>
                <span style={{ color: s.color, marginRight: 4 }}>●</span>
                {s.name}
              </span>
            ),
          })),
        { value: 'rest', label: <span style={{ color: '#595959' }}>{t('schedule.rest')}</span> },
        ...(value !== undefined ? [{ value: CLEAR, label: <i>{t('schedule.clear')}</i> }] : []),
      ]}
    />
  );
}

export function SchedulePage() {
  const { t } = useTranslation('org');
  const shiftHours = useShiftHoursLabel();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const dates = useDateFormat();
  const go = useUi((s) => s.go);
  // A supervisor plans their own teams' weeks, and the page opens on their team.
  const teams = useMyTeams();
  const shiftTypes = useQuery('org.shiftTypes.list', {});
  const [teamId, setTeamId] = useState<number>();
  const [weekStart, setWeekStart] = useState(() => weekStartOf(formatDate(new Date())));
  const week = useQuery('org.schedule.week', teamId ? { teamId, weekStart } : null);
  const [copying, setCopying] = useState(false);
  const canAssign = useSession((s) => s.can('org.schedule.assign'));

  useEffect(() => {
    if (teamId === undefined && teams.ownTeamId !== undefined) setTeamId(teams.ownTeamId);
  }, [teams.ownTeamId, teamId]);

  const shifts = useMemo(() => shiftTypes.data ?? [], [shiftTypes.data]);
  const cells = useMemo(
    () => new Map((week.data?.cells ?? []).map((c) => [`${c.staffId}|${c.date}`, c.value])),
    [week.data],
  );

  const assign = async (person: Person, date: string, value: ScheduleValue) => {
    const result = await write('org.schedule.assign', {
      cells: [{ staffId: person.id, date, value }],
    });
    if (!result.ok) {
      message.error(errorText(result.error));
      return;
    }
    week.setData((data) => {
      if (!data) return data;
      const others = data.cells.filter((c) => !(c.staffId === person.id && c.date === date));
      return {
        ...data,
        cells: value === null ? others : [...others, { staffId: person.id, date, value }],
      };
    });
  };

  const copyLastWeek = async () => {
    if (!teamId) return;
    setCopying(true);
    try {
      const { copied } = await writeOrThrow('org.schedule.copyWeek', {
        teamId,
        fromWeekStart: addDaysTo(weekStart, -7),
        toWeekStart: weekStart,
      });
      message.success(t('schedule.copied', { count: copied }));
    } catch (error) {
      message.error(errorText(errorOf(error)));
    } finally {
      setCopying(false);
    }
  };

  if (teams.error) return <LoadError error={teams.error} onRetry={teams.reload} />;
  if (week.error) return <LoadError error={week.error} onRetry={week.reload} />;
  if (teams.data && teams.data.length === 0) {
    return (
      <Card>
        <EmptyState
          title={t('schedule.noTeams')}
          body={t('teams.emptyBody')}
          action={
            <Button type="primary" onClick={() => go('teams')}>
              {t('teams.add')}
            </Button>
          }
        />
      </Card>
    );
  }

  const weekDates = week.data?.dates ?? [];
  const onDuty = (date: string) =>
    shifts
      .map((s) => ({
        shift: s,
        count: (week.data?.cells ?? []).filter((c) => c.date === date && c.value === s.id).length,
      }))
      .filter((x) => x.count > 0);
  const today = formatDate(new Date());

  return (
    <Card>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Select
            style={{ width: 180 }}
            value={teamId}
            onChange={setTeamId}
            aria-label={t('schedule.team')}
            options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          />
          <Button
            icon={<LeftOutlined />}
            onClick={() => setWeekStart(addDaysTo(weekStart, -7))}
            aria-label={t('schedule.prevWeek')}
          />
          <DatePicker
            picker="week"
            allowClear={false}
            value={dayjs(weekStart)}
            onChange={(d) => d && setWeekStart(weekStartOf(d.format('YYYY-MM-DD')))}
            format={() =>
              t('schedule.weekOf', {
                start: dates.full(weekStart),
                end: dates.day(addDaysTo(weekStart, 6)),
              })
            }
            style={{ width: 260 }}
            aria-label={t('schedule.pickWeek')}
          />
          <Button
            icon={<RightOutlined />}
            onClick={() => setWeekStart(addDaysTo(weekStart, 7))}
            aria-label={t('schedule.nextWeek')}
          />
          <Button onClick={() => setWeekStart(weekStartOf(today))}>{t('schedule.thisWeek')}</Button>
        </Space>
        {canAssign && (
          <Popconfirm
            title={t('schedule.copyConfirmTitle')}
            description={
              <div style={{ maxWidth: 320 }}>
                {t('schedule.copyConfirm', {
                  from: dates.full(addDaysTo(weekStart, -7)),
                  to: dates.full(weekStart),
                })}
              </div>
            }
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={copyLastWeek}
          >
            <Button icon={<CopyOutlined />} loading={copying} disabled={!teamId}>
              {t('schedule.copyLastWeek')}
            </Button>
          </Popconfirm>
        )}
      </Space>

      <Space size={[8, 4]} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('schedule.legend')}</Typography.Text>
        {shifts
          .filter((s) => s.active)
          .map((s) => (
            <Tag key={s.id} color={s.color}>
              {s.name} {shiftHours(s)}
            </Tag>
          ))}
        <Tag>{t('schedule.rest')}</Tag>
      </Space>

      <Table<Person>
        rowKey="id"
        size="small"
        bordered
        virtual
        scroll={{ x: 1030, y: 'calc(100vh - 300px)' }}
        loading={week.loading || shiftTypes.loading}
        dataSource={week.data?.staff ?? []}
        pagination={false}
        locale={{
          emptyText: <Typography.Text type="secondary">{t('schedule.noStaff')}</Typography.Text>,
        }}
        columns={[
          {
            title: t('schedule.staff'),
            key: 'staff',
            fixed: 'left',
            width: 148,
            render: (_, person) => (
              <div style={{ lineHeight: 1.3 }}>
                <div style={{ whiteSpace: 'nowrap' }}>{person.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {person.employeeNo} · {t(`position.${person.position}`)}
                </Typography.Text>
              </div>
            ),
          },
          ...weekDates.map((date) => ({
            key: date,
            width: 126,
            onCell: () => ({ style: date === today ? { background: '#f0f7ff' } : {} }),
            title: (
              <div style={{ lineHeight: 1.3, color: date === today ? '#1677ff' : undefined }}>
                <div>
                  {dates.weekday(date)} {dates.day(date)}
                </div>
                <div
                  style={{ fontSize: 11, fontWeight: 400, color: '#8c8c8c', whiteSpace: 'nowrap' }}
                >
                  {onDuty(date)
                    .map((x) => `${x.shift.name} ${x.count}`)
                    .join(' · ') || '—'}
                </div>
              </div>
            ),
            render: (_: unknown, person: Person) => (
              <ShiftCell
                label={`${person.name} ${date}`}
                value={cells.get(`${person.id}|${date}`)}
                shifts={shifts}
                disabled={!canAssign || (person.leftOn !== null && date > person.leftOn)}
                onChange={(value) => void assign(person, date, value)}
              />
            ),
          })),
        ]}
      />
    </Card>
  );
}
