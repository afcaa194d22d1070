import { afterEach, describe, expect, it, vi } from 'vitest';

import { loadCatalog, loadTranslator } from '../../extension/lib/i18n/load';

describe('catalog loader', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads one language from the package, once, and translates with it', async () => {
    const fetches = vi.spyOn(globalThis, 'fetch');
    const ko = await loadTranslator('ko');
    expect(ko.t('popup.groupCount', { count: 3 })).toBe('알림 3개');
    await loadTranslator('ko');
    const catalogUrls = fetches.mock.calls
      .map(([input]) => String(input))
      .filter((url) => url.includes('/i18n/'));
    expect(catalogUrls).toHaveLength(1);
    expect(catalogUrls[0]).toMatch(/\/i18n\/ko\.json$/);
  });

  it('tries again after a failed read instead of keeping the failure', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response('gone', { status: 404 }));
    await expect(loadCatalog('it')).rejects.toThrow(/it/);
    vi.restoreAllMocks();
    expect((await loadCatalog('it'))['popup.markAllRead']).toBe('Segna tutte come lette');
  });
});
