import type { Language } from '../../../shared/languages';

/** Where a language's catalog lies in the built extension (written by the build, see wxt.config.ts). */
export const catalogPath = (language: Language) => `i18n/${language}.json` as const;
