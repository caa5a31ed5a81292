// Message catalogs of the six locales, and lookup with a visible English fallback.
import type { Locale } from '../ipc';
import { HTML_LANG, LANGUAGE_NAMES, LOCALES } from '../ipc/bindings';
import en from './messages/en.json';
import fil from './messages/fil.json';
import ms from './messages/ms.json';
import th from './messages/th.json';
import vi from './messages/vi.json';
import zhHant from './messages/zh-Hant.json';

export type MessageKey = keyof typeof en;
export type Catalog = Partial<Record<MessageKey, string>>;
export type Params = Record<string, string | number>;

// The locale tables are generated from the Rust side (see ipc/bindings.ts).
export { HTML_LANG, LANGUAGE_NAMES, LOCALES };

export const CATALOGS: Record<Locale, Catalog> = {
  en,
  ms: ms as Catalog,
  fil: fil as Catalog,
  'zh-Hant': zhHant as Catalog,
  th: th as Catalog,
  vi: vi as Catalog,
};

export interface Lookup {
  text: string;
  /** True when the locale lacks the message and English is shown instead. */
  fallback: boolean;
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function lookup(
  key: MessageKey,
  locale: Locale,
  params?: Params,
  catalogs: Record<Locale, Catalog> = CATALOGS,
): Lookup {
  const own = catalogs[locale][key];
  if (own !== undefined && own !== '') return { text: interpolate(own, params), fallback: false };
  return { text: interpolate(en[key], params), fallback: locale !== 'en' };
}

/** Share of the English messages a locale has (0-100). */
export function coverage(locale: Locale, catalogs: Record<Locale, Catalog> = CATALOGS): number {
  const keys = Object.keys(en) as MessageKey[];
  const have = keys.filter((k) => (catalogs[locale][k] ?? '') !== '').length;
  return Math.floor((have * 100) / keys.length);
}
