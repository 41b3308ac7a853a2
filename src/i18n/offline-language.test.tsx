import { describe, expect, it, vi } from 'vitest';

// The English texts cannot be fetched, as when the app starts offline before the service worker cached them.
vi.mock('./resources', async (importOriginal) => {
  const original = await importOriginal<typeof import('./resources')>();
  const lazyFiles = Object.fromEntries(
    Object.entries(original.lazyFiles).map(([path, load]) => [path, path.includes('/en/') ? () => Promise.reject(new TypeError('Failed to fetch')) : load]),
  );
  return { ...original, lazyFiles };
});

describe('starting in a language whose texts cannot be fetched', () => {
  it('starts in French instead of failing', async () => {
    const { i18n, initI18n, lang, t } = await import('.');
    await initI18n('en');
    expect(lang()).toBe('fr');
    expect(i18n.language).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(t('worklist:title')).toBe('Liste de travail');
  });
});
