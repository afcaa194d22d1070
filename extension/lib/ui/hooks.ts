import type { WxtStorageItem } from '#imports';
import { useEffect, useState } from 'preact/hooks';
import { browserLanguages } from '../browser-languages';
import { resolveLanguage, type Translator } from '../i18n';
import { loadTranslator } from '../i18n/load';
import { readManaged, watchManaged, type ManagedConfig } from '../managed';
import { languageItem } from '../storage';

/** The item's value (undefined while loading), kept in step with storage changes from any context. */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let active = true;
    void item.getValue().then((v) => active && setValue(() => v));
    const unwatch = item.watch((v) => setValue(() => v));
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
export function useTranslator(): Translator | undefined {
  const setting = useStorageItem(languageItem);
  const [tr, setTr] = useState<Translator | undefined>(undefined);
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
    if (tr && typeof location !== 'undefined' && location.protocol.endsWith('-extension:')) document.documentElement.lang = tr.lang;
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

/** The organisation's policy (storage.managed), {} where there is none; undefined while loading. */
export function useManaged(): ManagedConfig | undefined {
  const [managed, setManaged] = useState<ManagedConfig | undefined>(undefined);
  useEffect(() => {
    let active = true;
    void readManaged().then((m) => active && setManaged(m));
    const unwatch = watchManaged((m) => active && setManaged(m));
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return managed;
}
