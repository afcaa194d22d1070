import type { WxtStorageItem } from '#imports';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browserLanguages } from '../browser-languages';
import { createTranslator, resolveLanguage, type Translator } from '../i18n';
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

/** The translator for the chosen language; switching the language re-renders at once. */
export function useTranslator(): Translator {
  const setting = useStorageItem(languageItem) ?? 'auto';
  const tr = useMemo(() => createTranslator(resolveLanguage(setting, browserLanguages())), [setting]);
  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = tr.lang;
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
