import type { Locale } from './ipc';
import { HTML_LANG } from './i18n/catalog';

/** A date in the learner's language (Gregorian calendar, local time). */
export function formatDate(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(HTML_LANG[locale], { dateStyle: 'medium' }).format(new Date(ms));
}
