import { Card, Descriptions, Empty, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaveType, MonthSummary, ShiftType } from '../../../../../shared/contract';
import { addDaysTo, weekDates, weekStartOf } from '../../../../../shared/domain/time';
import { useQuery } from '../../../api/queries';
import { useDateFormat } from '../../../format';
import { StatusTag, useLeaveTypeName } from '../status';
import {
  clockOf,
  indexGrid,
  isWeekend,
  useStatusPalette,
  type DayCell,
  type PersonRef,
  openableCell,
} from './cells';
import { StaffSelect } from './StaffSelect';
import { WEEKEND_TINT } from './TeamGridTab';

function DayBox({
  date,
  cell,
  shift,
  leaveTypes,
  onOpen,
}: {
  date: string;
  cell: DayCell;
  shift: ShiftType | undefined;
  leaveTypes: LeaveType[];
  onOpen?: () => void;
}) {
  const { t } = useTranslation('attendance');
  const palette = useStatusPalette();
  const leaveTypeName = useLeaveTypeName();
  const { record } = cell;
  const colors = record ? palette(record.status) : null;
  const leave = record?.leaveTypeId ? leaveTypes.find((l) => l.id === record.leaveTypeId) : null;

  return (
    <div
      {...openableCell(onOpen)}
      aria-label={date}
      data-date={date}
      style={{
        minHeight: 104,
        padding: '4px 6px',
        borderRadius: 6,
        cursor: onOpen ? 'pointer' : undefined,
        background: colors?.background ?? (isWeekend(date) ? WEEKEND_TINT : '#fff'),
        border: colors
          ? `1px solid ${colors.border}`
          : shift
            ? '1px dashed #bfbfbf'
            : '1px solid #f0f0f0',
        fontSize: 12,
        lineHeight: 1.5,
        overflow: 'hidden',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 4 }}>
        <b style={{ fontSize: 14, color: isWeekend(date) ? '#cf1322' : undefined }}>
          {Number(date.slice(8))}
        </b>
        <span style={{ color: '#595959', whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {shift
            ? `${shift.name} ${shift.startTime}`
            : cell.shiftTypeId === null
              ? t('attendance.restDay')
              : ''}
        </span>
      </div>
      {record ? (
        <>
          <StatusTag status={record.status} />
          {leave && <div style={{ color: colors?.color }}>{leaveTypeName(leave)}</div>}
          {(record.clockIn || record.clockOut) && (
            <div style={{ color: '#595959' }}>
              {clockOf(record.clockIn, record.date)}–{clockOf(record.clockOut, record.date)}
            </div>
          )}
          {record.lateMinutes > 0 && (
            <div style={{ color: colors?.color }}>
              {t('attendance.lateMinutes', { count: record.lateMinutes })}
            </div>
          )}
          {record.earlyMinutes > 0 && (
            <div style={{ color: colors?.color }}>
              {t('attendance.earlyMinutes', { count: record.earlyMinutes })}
            </div>
          )}
        </>
      ) : (
        shift && <div style={{ color: '#8c8c8c' }}>{t('attendance.unrecorded')}</div>
      )}
    </div>
  );
}

function Figures({
  person,
  leaveTypes,
}: {
  person: MonthSummary['people'][number] | undefined;
  leaveTypes: LeaveType[];
}) {
  const { t } = useTranslation('attendance');
  const leaveTypeName = useLeaveTypeName();
  if (!person) return <Empty description={t('attendance.calendar.noFigures')} />;
  const leave = leaveTypes.filter((l) => person.leave[l.id]);
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="attendance-person-figures"
      items={[
        {
          key: 'team',
          label: t('fields.teamId'),
          children: person.teamName ?? t('org:roster.unassigned'),
        },
        { key: 'scheduled', label: t('attendance.summary.scheduled'), children: person.scheduled },
        { key: 'worked', label: t('attendance.summary.worked'), children: person.worked },
        {
          key: 'late',
          label: t('attendance.summary.late'),
          children: t('attendance.countMinutes', {
            count: person.lateCount,
            minutes: person.lateMinutes,
          }),
        },
        {
          key: 'early',
          label: t('attendance.summary.early'),
          children: t('attendance.countMinutes', {
            count: person.earlyCount,
            minutes: person.earlyMinutes,
          }),
        },
        {
          key: 'absence',
          label: t('attendance.summary.absenceDays'),
          children: person.absenceDays,
        },
        {
          key: 'leave',
          label: t('attendance.summary.leave'),
          children: leave.length
            ? leave.map((l) => `${leaveTypeName(l)} ${person.leave[l.id]}`).join('、')
            : '0',
        },
        {
          key: 'overtime',
          label: t('attendance.summary.overtimeHours'),
          children: person.overtimeHours,
        },
        {
          key: 'unrecorded',
          label: t('attendance.summary.unrecorded'),
          children: person.unrecorded,
        },
        {
          key: 'rate',
          label: t('attendance.summary.rate'),
          children:
            person.attendanceRate === null ? '—' : `${(person.attendanceRate * 100).toFixed(1)}%`,
        },
      ]}
    />
  );
}

/**
 * 个人日历: one person's month in Monday-to-Sunday weeks, each day with its shift, clock times and
 * minutes late or early, and the person's month figures beside it. Clicking a day corrects it.
 */
export function CalendarTab({
  month,
  staff,
  onStaff,
  shiftTypes,
  leaveTypes,
  onOpen,
}: {
  month: string;
  staff: PersonRef | undefined;
  onStaff: (staff: PersonRef) => void;
  shiftTypes: ShiftType[];
  leaveTypes: LeaveType[];
  onOpen?: (person: PersonRef, cell: DayCell) => void;
}) {
  const { t } = useTranslation('attendance');
  const dates = useDateFormat();
  const grid = useQuery('attendance.month', staff ? { month, staffId: staff.id } : null);
  // The person's figures come from their team's summary: the same numbers as the summary tab.
  const summary = useQuery(
    'attendance.summary',
    staff ? { month, teamId: staff.teamId ?? undefined } : null,
  );
  const cellOf = useMemo(() => indexGrid(grid.data), [grid.data]);
  const shifts = useMemo(() => new Map(shiftTypes.map((s) => [s.id, s])), [shiftTypes]);
  const figures = summary.data?.people.find((p) => p.staffId === staff?.id);

  const first = `${month}-01`;
  const weeks: string[][] = [];
  for (let start = weekStartOf(first); start.startsWith(month) || start < first;) {
    weeks.push(weekDates(start));
    start = addDaysTo(start, 7);
  }
  const header = weeks[0] ?? [];

  return (
    <div>
      <StaffSelect
        aria-label={t('attendance.calendar.pick')}
        value={staff?.id}
        selected={staff}
        onPick={onStaff}
        style={{ width: 320, marginBottom: 16 }}
      />
      {!staff ? (
        <Empty description={t('attendance.calendar.pickHint')} />
      ) : (
        <Spin spinning={grid.loading || summary.loading}>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 260px', gap: 16 }}>
            <div data-testid="attendance-calendar">
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
                  gap: 6,
                  marginBottom: 6,
                }}
              >
                {header.map((d) => (
                  <Typography.Text key={d} type="secondary" style={{ textAlign: 'center' }}>
                    {dates.weekday(d)}
                  </Typography.Text>
                ))}
              </div>
              {weeks.map((week) => (
                <div
                  key={week[0]}
                  style={{
                    display: 'grid',
                    gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
                    gap: 6,
                    marginBottom: 6,
                  }}
                >
                  {week.map((date) => {
                    if (!date.startsWith(month)) return <div key={date} />;
                    const cell = cellOf(staff.id, date);
                    const shiftId = cell.record?.shiftTypeId ?? cell.shiftTypeId;
                    return (
                      <DayBox
                        key={date}
                        date={date}
                        cell={cell}
                        shift={typeof shiftId === 'number' ? shifts.get(shiftId) : undefined}
                        leaveTypes={leaveTypes}
                        onOpen={onOpen ? () => onOpen(staff, cell) : undefined}
                      />
                    );
                  })}
                </div>
              ))}
            </div>
            <Card size="small" title={`${staff.name} · ${staff.employeeNo}`}>
              <Figures person={figures} leaveTypes={leaveTypes} />
            </Card>
          </div>
        </Spin>
      )}
    </div>
  );
}
