import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import { monthLabel, parseDate } from '../../shared/domain/time';
import { localeOf } from './i18n';
import { useUi } from './stores/ui';

/** Dates shown the way each language writes them: 3月2日 周一 / Mon, Mar 2. */
export function useDateFormat() {
  const language = useUi((s) => s.language);
  const locale = localeOf[language].dates;
  const zh = language === 'zh-CN';
  return {
    day: (date: string) => format(parseDate(date), zh ? 'M月d日' : 'MMM d', { locale }),
    weekday: (date: string) => format(parseDate(date), 'EEE', { locale }),
    long: (date: string) =>
      format(parseDate(date), zh ? 'yyyy年M月d日 EEEE' : 'EEEE, MMMM d, yyyy', { locale }),
    full: (date: string) =>
      format(parseDate(date), zh ? 'yyyy年M月d日' : 'MMM d, yyyy', { locale }),
    /** A 'yyyy-MM' month as the language writes it: 2026年11月 / November 2026. */
    month: (month: string) => monthLabel(month, language),
    /** A stored UTC instant, in local time. */
    time: (iso: string) => format(new Date(iso), zh ? 'M月d日 HH:mm' : 'MMM d, HH:mm', { locale }),
    dateTime: (iso: string) => format(new Date(iso), 'yyyy-MM-dd HH:mm:ss'),
  };
}

/** The desk's local wall clock as the console stores it: 'yyyy-MM-dd HH:mm'. */
export function wallNow(date: Date = new Date()): string {
  return format(date, 'yyyy-MM-dd HH:mm');
}

/**
 * A person's name, with the employee number when it is needed to tell them apart (王芳（KF101）):
 * call centers have several 王芳, and a name alone on a sheet or a swap can mean the wrong one.
 */
export function usePersonName() {
  const { t } = useTranslation();
  return (person: { name: string; employeeNo: string }, withNumber = true) =>
    withNumber ? t('person.withNumber', { name: person.name, no: person.employeeNo }) : person.name;
}
