/**
 * The languages the extension and the worker speak: those of Marketo Engage's documentation.
 * English comes first and is the fallback.
 */
export const LANGUAGES = [
  'en',
  'de',
  'es',
  'fr',
  'it',
  'ja',
  'ko',
  'nl',
  'pt-BR',
  'sv',
  'zh-Hans',
  'zh-Hant',
] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language's own name, shown as is whatever the interface language is. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
  fr: 'Français',
  it: 'Italiano',
  ja: '日本語',
  ko: '한국어',
  nl: 'Nederlands',
  'pt-BR': 'Português (Brasil)',
  sv: 'Svenska',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
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
    const traditional =
      subtags.includes('hant') ||
      (!subtags.includes('hans') && subtags.some((s) => TRADITIONAL_REGIONS.has(s)));
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

/**
 * A language's `_locales` folder in the extension: browsers know Chinese by region (zh_CN,
 * zh_TW) and write regions with an underscore (pt_BR).
 */
export function localeFolder(language: Language): string {
  const folders: Partial<Record<Language, string>> = {
    'pt-BR': 'pt_BR',
    'zh-Hans': 'zh_CN',
    'zh-Hant': 'zh_TW',
  };
  return folders[language] ?? language;
}
