import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Typography, theme } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, LeaveType, ShiftAttendance, ShiftType } from '../../../../../shared/contract';
import type { AttendanceRules } from '../../../../../shared/domain/attendance';
import { errorOf } from '../../../api/client';
import { useQuery, write } from '../../../api/queries';
import { useErrorText } from '../../../components/errors';
import { LoadError } from '../../../components/PageState';
import { useDateFormat } from '../../../format';
import { useUi } from '../../../stores/ui';
import { ShiftHoursText } from '../../../components/ShiftHours';
import { STATUS_COLORS, StatusTag, useLeaveTypeName, type StatusColor } from '../status';
import { LatePrompt, LeavePrompt } from './Prompts';
import './rollcall.css';

type Person = ShiftAttendance['people'][number];
type Entry = Input<'attendance.rollCall'>['entries'][number];
type Mark = Entry['mark'];

/** The marks in key order: the number keys 1–4 and the row buttons follow it. */
const MARKS: readonly Mark[] = ['present', 'late', 'absent', 'leave'];

/** Which mark a record came from, to highlight that row button. */
function markOf(person: Person): Mark | undefined {
  const status = person.record?.status;
  return status && (MARKS as readonly string[]).includes(status) ? (status as Mark) : undefined;
}

/**
 * One shift instance of one team: who is scheduled, how each is marked, one click or one key per
 * person. Every mark is one backend call whose answer replaces the table, so what shows is what
 * was saved; calls go out one after another so a fast typist's answers never arrive out of order.
 */
export function ShiftRollCall({
  label,
  date,
  shift,
  teamId,
  leaveTypes,
  rules,
  now,
  autoFocus,
  onEmpty,
}: {
  label: string;
  date: string;
  shift: ShiftType;
  teamId: number;
  /** All leave types (records name inactive ones too); the prompt offers the active ones. */
  leaveTypes: LeaveType[];
  rules: AttendanceRules | undefined;
  now: string;
  /** Put the keyboard on the first person not yet marked as soon as the list arrives. */
  autoFocus: boolean;
  /** Nobody of the team is scheduled on this instance. */
  onEmpty: () => void;
}) {
  const { t } = useTranslation('attendance');
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const { token } = theme.useToken();
  const dates = useDateFormat();
  const go = useUi((s) => s.go);
  const leaveTypeName = useLeaveTypeName();
  const instance = useQuery('attendance.shift', { date, shiftTypeId: shift.id, teamId });
  const people = instance.data?.people ?? [];
  const closed = instance.data?.closed ?? false;

  const table = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<number>();
  const [prompt, setPrompt] = useState<{ kind: 'late' | 'leave'; person: Person; open: boolean }>();
  /** Where the keyboard goes once a prompt has closed: the next person, or back on cancel. */
  const afterPrompt = useRef<number>(undefined);
  const lastLeaveType = useRef<number>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const focusRow = (staffId: number | undefined) => {
    if (staffId === undefined) return;
    setActiveId(staffId);
    table.current?.querySelector<HTMLElement>(`tr[data-row-key="${staffId}"]`)?.focus();
  };

  const loaded = instance.data !== undefined;
  const nobody = loaded && people.length === 0;
  useEffect(() => {
    if (nobody) onEmpty();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when it turns out empty
  }, [nobody]);
  useEffect(() => {
    if (!loaded || !autoFocus) return;
    // Only onto an idle page: never pull the keyboard away from a field being used.
    if (document.activeElement && document.activeElement !== document.body) return;
    focusRow((people.find((p) => !p.record) ?? people[0])?.staffId);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- when the list first arrives, or when the keyboard is handed on to it
  }, [loaded, autoFocus]);

  /**
   * The list as last saved: a queued call reads it when its turn comes, so "the rest" never
   * includes someone a call still in flight has just marked.
   */
  const saved = useRef(instance.data);
  useEffect(() => {
    saved.current = instance.data;
  }, [instance.data]);

  const send = (
    entries: Entry[] | ((latest: ShiftAttendance) => Entry[]),
    refocusOnError?: number,
  ) => {
    const run = async () => {
      const list =
        typeof entries === 'function' ? (saved.current ? entries(saved.current) : []) : entries;
      if (list.length === 0) return;
      const result = await write('attendance.rollCall', {
        date,
        shiftTypeId: shift.id,
        teamId,
        entries: list,
      });
      if (result.ok) {
        saved.current = result.value;
        instance.setData(result.value);
      } else {
        message.error(errorText(result.error));
        focusRow(refocusOnError);
      }
    };
    // A failed transport must not stall the calls queued behind it.
    queue.current = queue.current.then(run).catch((error: unknown) => {
      message.error(errorText(errorOf(error)));
    });
  };

  const act = (person: Person, mark: Mark) => {
    if (closed) return;
    const next = people[people.indexOf(person) + 1]?.staffId ?? person.staffId;
    if (mark === 'late' || mark === 'leave') {
      afterPrompt.current = next;
      setPrompt({ kind: mark, person, open: true });
      return;
    }
    send([{ staffId: person.staffId, mark }], person.staffId);
    focusRow(next);
  };

  const closePrompt = (confirmed: boolean) => {
    if (!prompt) return;
    if (!confirmed) afterPrompt.current = prompt.person.staffId;
    setPrompt({ ...prompt, open: false });
    // At once, not after the fade-out: the next key press belongs to the next person.
    focusRow(afterPrompt.current);
  };

  const rest = people.filter((p) => !p.record);
  const markRestPresent = () => {
    if (closed || rest.length === 0) return;
    send((latest) =>
      latest.people
        .filter((p) => !p.record)
        .map((p) => ({ staffId: p.staffId, mark: 'present' as const })),
    );
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLElement>, person: Person) => {
    // Keys on the row itself only, and never a browser or system shortcut.
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const index = people.indexOf(person);
    const moves: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };
    const markIndex = Number(e.key) - 1;
    if (e.shiftKey && e.code === 'Digit1') {
      markRestPresent();
    } else if (e.key in moves) {
      focusRow(people[index + moves[e.key]!]?.staffId);
    } else if (e.key === 'Home' || e.key === 'End') {
      focusRow((e.key === 'Home' ? people[0] : people.at(-1))?.staffId);
    } else if (MARKS[markIndex] && !e.repeat) {
      act(person, MARKS[markIndex]);
    } else return;
    // Handled: no page scroll, and no digit typed into the prompt that opens.
    e.preventDefault();
  };

  const counts = instance.data?.counts;
  const countItems: { key: keyof NonNullable<typeof counts>; color?: StatusColor }[] = [
    { key: 'scheduled' },
    { key: 'present', color: STATUS_COLORS.present },
    { key: 'late', color: STATUS_COLORS.late },
    { key: 'absent', color: STATUS_COLORS.absent },
    { key: 'leave', color: STATUS_COLORS.leave },
    { key: 'unrecorded' },
  ];
  const leaveTypeById = new Map(leaveTypes.map((lt) => [lt.id, lt]));
  const rowIsTabStop = (person: Person) =>
    person.staffId === (people.some((p) => p.staffId === activeId) ? activeId : people[0]?.staffId);

  const title = (
    <Space size={8} wrap>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {label}
      </Tag>
      <Tag color={shift.color} style={{ marginInlineEnd: 0 }}>
        {shift.name}
      </Tag>
      <span>{dates.long(date)}</span>
      <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
        <ShiftHoursText shift={shift} />
      </Typography.Text>
    </Space>
  );

  // Nobody scheduled: one line, so it never pushes a real list below the fold.
  if (nobody && !instance.error) {
    return (
      <Card size="small" data-testid="rollcall-nobody">
        <Space size={12} wrap>
          {title}
          <Typography.Text type="secondary">{t('rollCall.nobodyTitle')}</Typography.Text>
          <Typography.Link title={t('rollCall.nobodyBody')} onClick={() => go('schedule')}>
            {t('rollCall.goSchedule')}
          </Typography.Link>
        </Space>
      </Card>
    );
  }

  return (
    <Card
      size="small"
      title={title}
      extra={
        <Button
          icon={<CheckOutlined />}
          disabled={closed || rest.length === 0}
          onClick={markRestPresent}
        >
          {t('rollCall.restPresent', { count: rest.length })}
        </Button>
      }
    >
      {instance.error ? (
        <LoadError error={instance.error} onRetry={instance.reload} />
      ) : (
        <>
          {closed && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('rollCall.closedTitle', { month: dates.month(date.slice(0, 7)) })}
              description={t('rollCall.closedBody')}
            />
          )}
          {counts && counts.scheduled > 0 && (
            <Space size={[24, 4]} wrap style={{ marginBottom: 8 }} data-testid="rollcall-counts">
              {countItems.map(({ key, color }) => (
                <span key={key}>
                  <Typography.Text type="secondary">{t(`rollCall.counts.${key}`)}</Typography.Text>{' '}
                  <span
                    style={{
                      fontSize: 18,
                      fontWeight: 600,
                      color:
                        key === 'unrecorded' && counts[key] > 0
                          ? token.orange7
                          : color && counts[key] > 0
                            ? token[`${color}7`]
                            : undefined,
                    }}
                  >
                    {counts[key]}
                  </span>
                </span>
              ))}
            </Space>
          )}
          <div ref={table}>
            <Table<Person>
              className="rollcall-table"
              rowKey="staffId"
              size="small"
              loading={instance.loading && !instance.data}
              dataSource={people}
              pagination={false}
              rowClassName="rollcall-row"
              onRow={(person) => ({
                tabIndex: rowIsTabStop(person) ? 0 : -1,
                onFocus: (e) => e.target === e.currentTarget && setActiveId(person.staffId),
                onKeyDown: (e) => onKeyDown(e, person),
              })}
              columns={[
                {
                  title: '#',
                  key: 'index',
                  width: 44,
                  render: (_, __, index) => (
                    <Typography.Text type="secondary">{index + 1}</Typography.Text>
                  ),
                },
                {
                  title: t('fields.name'),
                  dataIndex: 'name',
                  width: 120,
                  render: (name: string) => <span style={{ whiteSpace: 'nowrap' }}>{name}</span>,
                },
                { title: t('fields.employeeNo'), dataIndex: 'employeeNo', width: 110 },
                {
                  title: t('fields.teamId'),
                  dataIndex: 'teamName',
                  width: 120,
                  render: (name: string | null) => name ?? '—',
                },
                {
                  title: t('fields.status'),
                  key: 'status',
                  width: 330,
                  render: (_, person) => {
                    const record = person.record;
                    if (!record) return <Tag>{t('rollCall.unrecorded')}</Tag>;
                    const leaveType =
                      record.leaveTypeId !== null
                        ? leaveTypeById.get(record.leaveTypeId)
                        : undefined;
                    return (
                      <Space size={4} wrap>
                        <StatusTag status={record.status}>
                          {record.lateMinutes > 0 &&
                            ` ${t('rollCall.minutes', { count: record.lateMinutes })}`}
                          {leaveType && ` · ${leaveTypeName(leaveType)}`}
                        </StatusTag>
                        {record.lateMinutes > 0 && record.clockIn && (
                          <Typography.Text type="secondary">
                            {t('rollCall.arrived', { time: record.clockIn.slice(11) })}
                          </Typography.Text>
                        )}
                        {record.absenceDays === 0.5 && (
                          <Tag color={STATUS_COLORS.absent}>{t('rollCall.halfDay')}</Tag>
                        )}
                      </Space>
                    );
                  },
                },
                {
                  title: t('rollCall.mark'),
                  key: 'mark',
                  render: (_, person) => (
                    <Space size={4}>
                      {MARKS.map((mark, i) => (
                        <Button
                          key={mark}
                          size="small"
                          // The row takes the keyboard (keys 1–4); the buttons are for the mouse.
                          tabIndex={-1}
                          type={markOf(person) === mark ? 'primary' : 'default'}
                          disabled={closed}
                          aria-keyshortcuts={String(i + 1)}
                          onClick={() => act(person, mark)}
                        >
                          <span style={{ opacity: 0.55, marginInlineEnd: 2 }}>{i + 1}</span>
                          {t(`rollCall.marks.${mark}`)}
                        </Button>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </div>
        </>
      )}
      {instance.data && (
        <>
          <LatePrompt
            open={prompt?.kind === 'late' && prompt.open}
            name={prompt?.person.name ?? ''}
            instance={{
              date,
              shift,
              plannedStart: instance.data.plannedStart,
              plannedEnd: instance.data.plannedEnd,
            }}
            now={now}
            rules={rules}
            onConfirm={(arrivedAt) => {
              if (!prompt) return;
              send(
                [{ staffId: prompt.person.staffId, mark: 'late', arrivedAt }],
                prompt.person.staffId,
              );
              closePrompt(true);
            }}
            onCancel={() => closePrompt(false)}
          />
          <LeavePrompt
            open={prompt?.kind === 'leave' && prompt.open}
            name={prompt?.person.name ?? ''}
            leaveTypes={leaveTypes.filter((lt) => lt.active)}
            initial={lastLeaveType.current}
            onConfirm={(leaveTypeId) => {
              if (!prompt) return;
              lastLeaveType.current = leaveTypeId;
              send(
                [{ staffId: prompt.person.staffId, mark: 'leave', leaveTypeId }],
                prompt.person.staffId,
              );
              closePrompt(true);
            }}
            onCancel={() => closePrompt(false)}
          />
        </>
      )}
    </Card>
  );
}
