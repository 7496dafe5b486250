import type { HandoverDetail } from '../../../../shared/contract';

export type QueueFigures = HandoverDetail['queue'];
export const FIGURES = ['offered', 'answered', 'abandoned', 'serviceLevel', 'ahtSeconds'] as const;

/** One cell as a number: "1,234", "85.3%", a fraction 0.853 for a service level, "3:25" for AHT. */
function cellValue(cell: string, figure: (typeof FIGURES)[number]): number | null {
  const text = cell.trim().replace(/^(\d{1,3}(,\d{3})+)(\.\d+)?$/, (m) => m.replace(/,/g, ''));
  if (text === '') return null;
  if (figure === 'ahtSeconds' && /^\d+(:\d{1,2}){1,2}$/.test(text)) {
    return text.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  }
  const percent = text.endsWith('%');
  const value = Number(percent ? text.slice(0, -1) : text);
  if (!Number.isFinite(value) || value < 0) return null;
  if (figure === 'serviceLevel') {
    // Excel copies an unformatted ratio as 0.853; a percent cell as 85.3%.
    const pct = !percent && value > 0 && value < 1 ? value * 100 : value;
    return Math.round(pct * 10) / 10;
  }
  return Math.round(value);
}

/**
 * The queue figures from a row pasted out of the ACD report in Excel: tab-separated cells
 * (spaces when typed), in the order offered, answered, abandoned, service level, AHT. Null when
 * the text is one value — an ordinary paste into one box.
 */
export function parseFigures(text: string): QueueFigures | null {
  const line =
    text
      .replace(/\r/g, '')
      .split('\n')
      .find((l) => l.trim() !== '') ?? '';
  const cells = line.includes('\t') ? line.split('\t') : line.trim().split(/\s+/);
  if (cells.length < 2) return null;
  const figures = Object.fromEntries(
    FIGURES.map((figure, i) => [
      figure,
      cells[i] === undefined ? null : cellValue(cells[i], figure),
    ]),
  ) as QueueFigures;
  return Object.values(figures).some((v) => v !== null) ? figures : null;
}
