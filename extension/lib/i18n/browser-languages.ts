import { browser } from '#imports';

/** The user's preferred languages, best first: the browser's list, else the UI language. */
export function browserLanguages(): string[] {
  const preferred =
    typeof navigator === 'undefined'
      ? []
      : [...(navigator.languages ?? []), navigator.language].filter(Boolean);
  if (preferred.length) return preferred;
  try {
    return [browser.i18n.getUILanguage()];
  } catch {
    return [];
  }
}
