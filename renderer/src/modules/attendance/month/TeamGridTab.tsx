import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthGrid, ShiftType } from '../../../../../shared/contract';
import { ATTENDANCE_STATUSES } from '../../../../../shared/domain/attendance';
import { useDateFormat } from '../../../format';
import {
  clockOf,
  indexGrid,
  isWeekend,
  openableCell,
  useStatusPalette,
  type DayCell,
} from './cells';

type Person = MonthGrid['people'][number];

export const WEEKEND_TINT = '#fafafa';
const UNRECORDED_BORDER = '1px dashed #bfbfbf';

/** One day of one person, as a small coloured box: status abbreviation, or the shift still to record. */
function GridCell({
  cell,
  shiftTypes,
  label,
  onOpen,
}: {
  cell: DayCell;
  shiftTypes: Map<number, ShiftType>;
  label: string;
  onOpen?: () => void;
}) {
  const { t } = useTranslation('attendance');
  const palette = useStatusPalette();
  const { record, shiftTypeId } = cell;
  const shift = shiftTypeId ? shiftTypes.get(shiftTypeId) : undefined;

  let text = '';
  let title = label;
  let style: React.CSSProperties = {};
  if (record) {
    const colors = palette(record.status);
    text = t(`attendance.abbr.${record.status}`);
    style = {
      background: colors.background,
      color: colors.color,
      border: `1px solid ${colors.border}`,
    };
    const minutes = [
      record.lateMinutes ? t('attendance.lateMinutes', { count: record.lateMinutes }) : '',
      record.earlyMinutes ? t('attendance.earlyMinutes', { count: record.earlyMinutes }) : '',
    ].filter(Boolean);
    title = [
      label,
      t(`attendanceStatus.${record.status}`),
      shift?.name,
      `${clockOf(record.clockIn, record.date)}–${clockOf(record.clockOut, record.date)}`,
      ...minutes,
    ]
      .filter(Boolean)
      .join(' · ');
  } else if (shift) {
    text = shift.name;
    style = { color: '#8c8c8c', border: UNRECORDED_BORDER };
    title = `${label} · ${shift.name} · ${t('attendance.unrecorded')}`;
  } else if (shiftTypeId === null) {
    text = t('attendance.abbr.rest');
    style = { color: '#bfbfbf' };
    title = `${label} · ${t('attendance.restDay')}`;
  }

  return (
    <div
      {...openableCell(onOpen)}
      aria-label={title}
      title={title}
      style={{
        height: 26,
        lineHeight: '24px',
        borderRadius: 4,
        textAlign: 'center',
        fontSize: 12,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        cursor: onOpen ? 'pointer' : undefined,
        border: '1px solid transparent',
        ...style,
      }}
    >
      {text}
    </div>
  );
}

/** What each colour and mark of the grid means. */
export function GridLegend() {
  const { t } = useTranslation('attendance');
  const palette = useStatusPalette();
  const box = (style: React.CSSProperties, text: string) => (
    <span
      style={{
        display: 'inline-block',
        minWidth: 26,
        padding: '0 4px',
        marginRight: 4,
        borderRadius: 4,
        textAlign: 'center',
        fontSize: 12,
        lineHeight: '20px',
        border: '1px solid transparent',
        ...style,
      }}
    >
      {text}
    </span>
  );
  return (
    <Space size={[12, 6]} wrap style={{ marginBottom: 12 }} data-testid="attendance-legend">
      <Typography.Text type="secondary">{t('org:schedule.legend')}</Typography.Text>
      {ATTENDANCE_STATUSES.map((status) => {
        const c = palette(status);
        return (
          <span key={status}>
            {box(
              { background: c.background, color: c.color, borderColor: c.border },
              t(`attendance.abbr.${status}`),
            )}
            {t(`attendanceStatus.${status}`)}
          </span>
        );
      })}
      <span>
        {box({ color: '#8c8c8c', border: UNRECORDED_BORDER }, t('attendance.shiftName'))}
        {t('attendance.unrecorded')}
      </span>
      <span>
        {box({ color: '#bfbfbf' }, t('attendance.abbr.rest'))}
        {t('attendance.restDay')}
      </span>
      <Tag style={{ background: WEEKEND_TINT, color: '#595959' }}>{t('attendance.weekend')}</Tag>
    </Space>
  );
}

/**
 * 班组视图: people × days of the month, each day coloured by status. Virtualized, so the whole
 * center (600 people × 31 days) scrolls smoothly; clicking a day opens its correction.
 */
export function TeamGridTab({
  grid,
  shiftTypes,
  loading,
  onOpen,
}: {
  grid: MonthGrid | undefined;
  shiftTypes: ShiftType[];
  loading: boolean;
  onOpen?: (person: Person, cell: DayCell) => void;
}) {
  const { t } = useTranslation('attendance');
  const dates = useDateFormat();
  const cellOf = useMemo(() => indexGrid(grid), [grid]);
  const shifts = useMemo(() => new Map(shiftTypes.map((s) => [s.id, s])), [shiftTypes]);
  const days = grid?.dates ?? [];

  const columns: TableColumnsType<Person> = [
    {
      key: 'person',
      title: t('org:schedule.staff'),
      fixed: 'left',
      width: 120,
      render: (_, person) => (
        <div style={{ lineHeight: 1.25 }}>
          <div style={{ whiteSpace: 'nowrap' }}>{person.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            {person.employeeNo}
          </Typography.Text>
        </div>
      ),
    },
    ...days.map((date) => ({
      key: date,
      width: 46,
      align: 'center' as const,
      onCell: () => ({
        style: { padding: 2, ...(isWeekend(date) ? { background: WEEKEND_TINT } : {}) },
      }),
      onHeaderCell: () => ({
        style: { padding: '4px 0', ...(isWeekend(date) ? { background: '#f0f0f0' } : {}) },
      }),
      title: (
        <div style={{ lineHeight: 1.2, fontSize: 12 }}>
          <div>{Number(date.slice(8))}</div>
          <div style={{ fontWeight: 400, color: isWeekend(date) ? '#cf1322' : '#8c8c8c' }}>
            {dates.weekday(date)}
          </div>
        </div>
      ),
      render: (_: unknown, person: Person) => {
        const cell = cellOf(person.id, date);
        return (
          <GridCell
            cell={cell}
            shiftTypes={shifts}
            label={`${person.name} ${date}`}
            onOpen={onOpen ? () => onOpen(person, cell) : undefined}
          />
        );
      },
    })),
  ];

  return (
    <div>
      <GridLegend />
      <Table<Person>
        data-testid="attendance-grid"
        rowKey="id"
        size="small"
        bordered
        virtual
        loading={loading}
        dataSource={grid?.people ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 120 + days.length * 46, y: 'calc(100vh - 330px)' }}
        locale={{
          emptyText: (
            <Typography.Text type="secondary">{t('attendance.grid.noPeople')}</Typography.Text>
          ),
        }}
      />
    </div>
  );
}
