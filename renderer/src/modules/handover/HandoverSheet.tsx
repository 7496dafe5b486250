import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverDetail } from '../../../../shared/contract';
import { useDateFormat } from '../../format';
import { useUi } from '../../stores/ui';
import { ItemsTable } from './ItemsTable';
import { StateTag } from './labels';
import { useHandoverRefs } from './refs';
import { StaffingFacts } from './Staffing';

/** 2026年3月1日 周日 · 夜班 00:00–08:00 · 客服一组: which shift instance a handover belongs to. */
export function useInstanceLabel() {
  const dates = useDateFormat();
  const { shiftWithHours, teamLabel } = useHandoverRefs();
  return (h: {
    date: string;
    shiftTypeId: number;
    teamId: number | null;
    teamName?: string | null;
  }) =>
    [dates.long(h.date), shiftWithHours(h.shiftTypeId), teamLabel(h.teamId, h.teamName)].join(
      ' · ',
    );
}

export function TextBlock({ text }: { text: string | null }) {
  const { t } = useTranslation('handover');
  return text ? (
    <div className="handover-text">{text}</div>
  ) : (
    <div className="handover-text handover-text-empty">{t('handover.sheet.nothing')}</div>
  );
}

function Section({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  const { t } = useTranslation('handover');
  return (
    <section className="handover-section">
      <h3>{t('handover.sheet.sectionTitle', { n, title })}</h3>
      {children}
    </section>
  );
}

/** The shift's queue figures, with the rates a lead works out anyway. */
export function QueueTable({ queue }: { queue: HandoverDetail['queue'] }) {
  const { t } = useTranslation('handover');
  const language = useUi((s) => s.language);
  const number = (v: number | null) => (v === null ? '—' : v.toLocaleString(language));
  const rate = (part: number | null) =>
    part !== null && queue.offered
      ? `${((part / queue.offered) * 100).toLocaleString(language, { maximumFractionDigits: 1 })}%`
      : '—';
  const aht = queue.ahtSeconds;
  const cells: [string, string][] = [
    [t('fields.offered'), number(queue.offered)],
    [t('fields.answered'), number(queue.answered)],
    [t('fields.abandoned'), number(queue.abandoned)],
    [t('handover.queue.answerRate'), rate(queue.answered)],
    [t('handover.queue.abandonRate'), rate(queue.abandoned)],
    [
      t('fields.serviceLevel'),
      queue.serviceLevel === null ? '—' : `${number(queue.serviceLevel)}%`,
    ],
    [
      t('fields.ahtSeconds'),
      aht === null
        ? '—'
        : t('handover.queue.ahtValue', {
            seconds: aht,
            clock: `${Math.floor(aht / 60)}:${String(aht % 60).padStart(2, '0')}`,
          }),
    ],
  ];
  return (
    <table className="handover-table handover-queue" data-testid="handover-queue">
      <thead>
        <tr>
          {cells.map(([label]) => (
            <th key={label}>{label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {cells.map(([label, value]) => (
            <td key={label}>{value}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/**
 * The handover as the paper sheet reads (交接班记录表): the shift and the two leads, staffing,
 * seats, queue, pending items, notices, escalations, remarks, addenda and both signatures. The
 * same component is the screen view and the printed page.
 */
export function HandoverSheet({
  detail,
  print = false,
}: {
  detail: HandoverDetail;
  print?: boolean;
}) {
  const { t } = useTranslation('handover');
  const dates = useDateFormat();
  const instanceLabel = useInstanceLabel();
  const { shiftWithHours, teamLabel } = useHandoverRefs();
  const locked = detail.state === 'acknowledged';
  const at = (iso: string | null) => (iso ? dates.dateTime(iso).slice(0, 16) : '—');

  return (
    <div className="handover-sheet" data-testid="handover-sheet">
      <header className="handover-sheet-header">
        <h2>{t('handover.sheet.title')}</h2>
        <div className="handover-sheet-sub">{instanceLabel(detail)}</div>
      </header>

      <table className="handover-table handover-grid">
        <tbody>
          <tr>
            <th>{t('handover.sheet.shift')}</th>
            <td>
              {dates.full(detail.date)} {shiftWithHours(detail.shiftTypeId)}
            </td>
            <th>{t('handover.sheet.team')}</th>
            <td>{teamLabel(detail.teamId, detail.teamName)}</td>
          </tr>
          <tr>
            <th>{t('handover.sheet.outgoing')}</th>
            <td>{detail.outgoingName}</td>
            <th>{t('handover.sheet.incoming')}</th>
            <td>{detail.incomingName ?? '—'}</td>
          </tr>
          <tr>
            <th>{t('handover.sheet.submittedAt')}</th>
            <td>{at(detail.submittedAt)}</td>
            <th>{t('handover.sheet.acknowledgedAt')}</th>
            <td>
              {at(detail.acknowledgedAt)}
              {detail.ackLate && (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  {t('handover.ackLate')}
                </Tag>
              )}
            </td>
          </tr>
          <tr>
            <th>{t('fields.status')}</th>
            <td>
              <StateTag state={detail.state} />
            </td>
            <th>{t('handover.sheet.updatedAt')}</th>
            <td>{at(detail.updatedAt)}</td>
          </tr>
        </tbody>
      </table>

      <Section n={1} title={t('handover.section.staffing')}>
        <StaffingFacts staffing={detail.staffing} />
        {detail.staffingRemark && (
          <div className="handover-staffing-line">
            <span className="handover-staffing-label">{t('fields.staffingRemark')}</span>
            <span className="handover-text">{detail.staffingRemark}</span>
          </div>
        )}
      </Section>
      <Section n={2} title={t('handover.section.seats')}>
        <TextBlock text={detail.seatsStatus} />
      </Section>
      <Section n={3} title={t('handover.section.queue')}>
        <QueueTable queue={detail.queue} />
      </Section>
      <Section n={4} title={t('handover.section.items', { count: detail.items.length })}>
        <ItemsTable
          handoverId={detail.id}
          items={detail.items}
          history={detail.history}
          locked={locked}
          print={print}
        />
      </Section>
      <Section n={5} title={t('fields.notices')}>
        <TextBlock text={detail.notices} />
      </Section>
      <Section n={6} title={t('fields.escalations')}>
        <TextBlock text={detail.escalations} />
      </Section>
      <Section n={7} title={t('fields.remarks')}>
        <TextBlock text={detail.remarks} />
      </Section>

      {detail.addenda.length > 0 && (
        <section className="handover-section" data-testid="handover-addenda">
          <h3>{t('handover.addendum.title')}</h3>
          {detail.addenda.map((a) => (
            <div key={a.id} className="handover-addendum">
              <div className="handover-addendum-meta">
                {t('handover.addendum.meta', { author: a.author, at: at(a.at) })}
              </div>
              <div className="handover-text">{a.text}</div>
            </div>
          ))}
        </section>
      )}

      <footer className="handover-signatures">
        <div>
          <span className="handover-staffing-label">{t('handover.sheet.outgoingSign')}</span>
          {detail.outgoingName}
          <Typography.Text type="secondary"> {at(detail.submittedAt)}</Typography.Text>
        </div>
        <div>
          <span className="handover-staffing-label">{t('handover.sheet.incomingSign')}</span>
          {locked ? detail.incomingName : t('handover.sheet.notSigned')}
          <Typography.Text type="secondary">
            {' '}
            {locked ? at(detail.acknowledgedAt) : ''}
          </Typography.Text>
        </div>
      </footer>
    </div>
  );
}
