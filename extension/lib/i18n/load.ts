import { browser } from '#imports';

import type { Language } from '../../../shared/languages';
import { createTranslator, type Translator } from './index';
import { catalogPath } from './path';
import type { Catalog } from './types';

const loaded = new Map<Language, Promise<Catalog>>();

/**
 * The one language's catalog, read from the package (`i18n/<lang>.json`, written by the build):
 * only the active language is ever loaded. Works alike in pages, the service worker (where
 * import() is not allowed) and the content script (a classic script).
 */
export function loadCatalog(language: Language): Promise<Catalog> {
  let catalog = loaded.get(language);
  if (!catalog) {
    const url = browser.runtime.getURL(`/${catalogPath(language)}`);
    catalog = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`No catalog for ${language}`);
      return response.json() as Promise<Catalog>;
    });
    catalog.catch(() => loaded.delete(language));
    loaded.set(language, catalog);
  }
  return catalog;
}

export async function loadTranslator(language: Language): Promise<Translator> {
  return createTranslator(language, await loadCatalog(language));
}
