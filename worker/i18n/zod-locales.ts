import type { z } from 'zod';
import de from 'zod/v4/locales/de.js';
import en from 'zod/v4/locales/en.js';
import es from 'zod/v4/locales/es.js';
import fr from 'zod/v4/locales/fr.js';
import it from 'zod/v4/locales/it.js';
import ja from 'zod/v4/locales/ja.js';
import ko from 'zod/v4/locales/ko.js';
import nl from 'zod/v4/locales/nl.js';
import ptBR from 'zod/v4/locales/pt-BR.js';
import sv from 'zod/v4/locales/sv.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import zhTW from 'zod/v4/locales/zh-TW.js';

import type { Language } from '../../shared/languages';

/** zod's own translations of its field messages, one per language we speak. */
const LOCALES: Record<Language, () => { localeError: unknown }> = {
  en,
  de,
  es,
  fr,
  it,
  ja,
  ko,
  nl,
  'pt-BR': ptBR,
  sv,
  'zh-Hans': zhCN,
  'zh-Hant': zhTW,
};

const localeErrors = new Map<Language, (issue: never) => unknown>();

/** zod's message for an issue in a language, as its locale writes it. */
export function zodLocaleText(language: Language, issue: z.core.$ZodIssue): string | undefined {
  if (!localeErrors.has(language))
    localeErrors.set(language, LOCALES[language]().localeError as (issue: never) => unknown);
  const result = localeErrors.get(language)!(issue as never);
  return typeof result === 'string' ? result : (result as { message?: string } | undefined)?.message;
}
