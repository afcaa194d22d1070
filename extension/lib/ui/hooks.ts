import { useEffect, useState } from 'preact/hooks';

import type { WxtStorageItem } from '#imports';

import { resolveLanguage, type Translator } from '../i18n';
import { browserLanguages } from '../i18n/browser-languages';
import { loadCatalog, loadTranslator } from '../i18n/load';
import { languageItem } from '../state/storage';

/**
 * Values a page read before its first render (primeStorageItems), by key: its first frame then
 * has them, instead of waiting one effect and one storage read per component. Kept current by
 * every component that watches the item.
 */
const primed = new Map<string, unknown>();

export async function primeStorageItems(
  // Items of every value type; only their keys and values pass through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  items: readonly WxtStorageItem<any, Record<string, unknown>>[],
): Promise<void> {
  const values = await Promise.all(items.map((item) => item.getValue()));
  items.forEach((item, i) => primed.set(item.key, values[i]));
}

/** The item's value (undefined while loading), kept in step with storage changes from any context. */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => primed.get(item.key) as T | undefined);
  useEffect(() => {
    let active = true;
    const update = (v: T) => {
      if (primed.has(item.key)) primed.set(item.key, v);
      // The same value read again keeps its identity: effects that depend on it do not run again.
      setValue((current) =>
        current !== undefined && JSON.stringify(current) === JSON.stringify(v) ? current : v,
      );
    };
    void item.getValue().then((v) => active && update(v));
    const unwatch = item.watch(update);
    return () => {
      active = false;
      unwatch();
    };
  }, [item]);
  return value;
}

/**
 * The translator for the chosen language, undefined until its catalog is loaded; switching the
 * language loads the new catalog and re-renders, keeping the old texts until it is there.
 */
/** The translator a page made before its first render (primeTranslator). */
let primedTranslator: Translator | undefined;

export async function primeTranslator(): Promise<void> {
  // Most people keep "browser language": its catalog is asked for while the setting is read.
  void loadCatalog(resolveLanguage('auto', browserLanguages())).catch(() => undefined);
  primedTranslator = await loadTranslator(resolveLanguage(await languageItem.getValue(), browserLanguages()));
}

export function useTranslator(): Translator | undefined {
  const setting = useStorageItem(languageItem);
  const [tr, setTr] = useState<Translator | undefined>(primedTranslator);
  useEffect(() => {
    if (setting === undefined) return;
    let active = true;
    void loadTranslator(resolveLanguage(setting, browserLanguages())).then((next) => active && setTr(next));
    return () => {
      active = false;
    };
  }, [setting]);
  useEffect(() => {
    // Extension pages only: the content script must not relabel the Marketo page it runs in.
    if (tr && typeof location !== 'undefined' && location.protocol.endsWith('-extension:'))
      document.documentElement.lang = tr.lang;
  }, [tr]);
  return tr;
}

/** The current time, refreshed every `everyMs` so relative times stay true while a page is open. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
