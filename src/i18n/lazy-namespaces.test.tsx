import { describe, expect, it } from 'vitest';
import { i18n, initI18n, loadNamespaces, setLang, t } from '.';

describe('route namespaces', () => {
  it('load in the active language only; a language switch fetches the visited ones first', async () => {
    await initI18n('fr');
    await loadNamespaces(['recap', 'common']);
    expect(i18n.hasResourceBundle('fr', 'recap')).toBe(true);
    expect(i18n.hasResourceBundle('en', 'recap')).toBe(false);
    expect(t('recap:title')).toBe('E-mail récapitulatif');
    await setLang('en');
    expect(i18n.hasResourceBundle('en', 'recap')).toBe(true);
    expect(t('recap:title')).toBe('Recap email');
    expect(document.documentElement.lang).toBe('en');
    await loadNamespaces(['plans']);
    expect(i18n.hasResourceBundle('en', 'plans')).toBe(true);
    expect(i18n.hasResourceBundle('fr', 'plans')).toBe(false);
  });
});
