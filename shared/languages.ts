/**
 * The languages the extension and the worker speak: those of Marketo Engage's documentation.
 * English comes first and is the fallback.
 */
export const LANGUAGES = ['en', 'fr', 'nl', 'sv'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language's own name, shown as is whatever the interface language is. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  nl: 'Nederlands',
  sv: 'Svenska',
};

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

// Chinese script by region when a tag names no script: Taiwan, Hong Kong and Macao write Traditional.
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * The language we speak for a BCP 47 tag (`nl-BE` → nl, `pt` or `pt-PT` → pt-BR,
 * `zh-TW`, `zh-HK`, `zh-Hant` → zh-Hant, `zh`, `zh-CN`, `zh-SG` → zh-Hans), or undefined.
 */
export function matchLanguage(tag: string): Language | undefined {
  const [primary = '', ...subtags] = tag.trim().toLowerCase().split(/[-_]/);
  let candidate: string = primary;
  if (primary === 'pt') candidate = 'pt-BR';
  if (primary === 'zh') {
    const traditional = subtags.includes('hant') || (!subtags.includes('hans') && subtags.some((s) => TRADITIONAL_REGIONS.has(s)));
    candidate = traditional ? 'zh-Hant' : 'zh-Hans';
  }
  return isLanguage(candidate) ? candidate : undefined;
}

/** The first of the user's languages (best first) that we speak, else English. */
export function firstSpokenLanguage(tags: readonly string[]): Language {
  for (const tag of tags) {
    const language = matchLanguage(tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}
