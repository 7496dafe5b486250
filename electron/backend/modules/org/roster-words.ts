import { LANGUAGES, type Language } from '../../../../shared/domain/language';
import type { Position, StaffStatus } from '../../../../shared/domain/org';
import { moduleText } from '../../files/export-text';

/**
 * The roster's words in a file (headers, positions, statuses): the screen's own, from the org
 * catalog through the exports' one lookup (export-text.ts).
 */
export function rosterWords(language: Language) {
  const { t } = moduleText(language, 'org');
  return {
    headers: {
      employeeNo: t('fields.employeeNo'),
      name: t('fields.name'),
      teamId: t('fields.teamId'),
      position: t('fields.position'),
      seat: t('fields.seat'),
      extension: t('fields.extension'),
      phone: t('fields.phone'),
      hireDate: t('fields.hireDate'),
      status: t('fields.status'),
    },
    position: (p: Position) => t(`position.${p}`),
    status: (s: StaffStatus) => t(`status.${s}`),
    sheet: t('nav.roster'),
  };
}

/** Every language's header for each column: what an import recognises besides its own aliases. */
export const headerNames = (column: keyof ReturnType<typeof rosterWords>['headers']) =>
  LANGUAGES.map((l) => rosterWords(l).headers[column]);
