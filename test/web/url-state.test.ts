import { describe, expect, it } from 'vitest';
import { messages, resolveLang } from '../../web/lib/i18n';
import { applyParams, keepShared } from '../../web/lib/url-state';

describe('URL state', () => {
  it('sets, replaces and removes search parameters', () => {
    expect(applyParams('?from=2026-08-01&grain=day', { from: '2026-09-01', department: 'Vertrieb' })).toBe('?from=2026-09-01&grain=day&department=Vertrieb');
    expect(applyParams('?from=2026-08-01', { from: null, to: '' })).toBe('');
  });

  it('carries the view filters and the language to another page, but not page settings', () => {
    expect(keepShared('?grain=day&department=IT&lang=en&from=2026-08-01')).toBe('?from=2026-08-01&department=IT&lang=en');
    expect(keepShared('?grain=day')).toBe('');
  });
});

describe('language', () => {
  it('prefers the URL, then the stored choice, then German', () => {
    expect(resolveLang('en', 'de')).toBe('en');
    expect(resolveLang(null, 'en')).toBe('en');
    expect(resolveLang('fr', null)).toBe('de');
  });

  it('labels the navigation in both languages', () => {
    expect(messages.de.nav.overview).toBe('Überblick');
    expect(messages.en.nav.overview).toBe('Overview');
  });
});
