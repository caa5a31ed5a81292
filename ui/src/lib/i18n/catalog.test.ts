import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../ipc/bindings';
import en from './messages/en.json';
import { CATALOGS, LOCALES, coverage, lookup, type Catalog, type MessageKey } from './catalog';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const keys = Object.keys(en) as MessageKey[];

  it.each(LOCALES)('%s has every message, with the same placeholders, and no extra keys', (locale) => {
    const catalog = CATALOGS[locale];
    expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const text = catalog[key];
      expect(text, key).toBeTruthy();
      expect(placeholders(text ?? ''), `${locale} ${key}`).toEqual(placeholders(en[key]));
      expect(text, `${locale} ${key} is NFC`).toBe(text?.normalize('NFC'));
    }
    expect(coverage(locale)).toBe(100);
  });

  it('has a sentence for every error code the backend sends', () => {
    for (const code of ERROR_CODES) expect(Object.keys(en), code).toContain(`error.${code}`);
  });

  it('keeps the fallback badge in Latin letters everywhere', () => {
    for (const locale of LOCALES) expect(CATALOGS[locale]['lang.fallbackBadge']).toBe('EN');
  });
});

describe('lookup', () => {
  const partial: Record<string, Catalog> = {
    ...CATALOGS,
    th: { 'lesson.next': 'ถัดไป' },
  };
  const catalogs = partial as typeof CATALOGS;

  it('interpolates parameters', () => {
    expect(lookup('library.progressSummary', 'en', { done: 2, total: 4 }).text).toBe(
      '2 of 4 lessons done',
    );
  });

  it('falls back to English visibly, never silently', () => {
    expect(lookup('lesson.next', 'th', undefined, catalogs)).toEqual({ text: 'ถัดไป', fallback: false });
    expect(lookup('lesson.previous', 'th', undefined, catalogs)).toEqual({
      text: 'Previous',
      fallback: true,
    });
    expect(lookup('lesson.previous', 'en', undefined, catalogs).fallback).toBe(false);
    expect(coverage('th', catalogs)).toBeLessThan(5);
  });
});
