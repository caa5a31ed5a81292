// The interface language, as reactive state, and `t()` for strings.
import type { Locale } from '../ipc';
import { HTML_LANG, lookup, type MessageKey, type Params } from './catalog';

export { LANGUAGE_NAMES, LOCALES, coverage } from './catalog';
export type { MessageKey } from './catalog';

let current = $state<Locale>('en');

export const i18n = {
  get locale(): Locale {
    return current;
  },
  set locale(locale: Locale) {
    current = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = HTML_LANG[locale];
  },
};

/** The message in the current language (English when it is missing: use <T> to mark that). */
export function t(key: MessageKey, params?: Params): string {
  return lookup(key, current, params).text;
}

/** Like `t`, and says whether the English fallback was used. */
export function tr(key: MessageKey, params?: Params) {
  return lookup(key, current, params);
}

export function htmlLang(locale: Locale): string {
  return HTML_LANG[locale];
}
