import type { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import fr from 'zod/v4/locales/fr.js';
import nl from 'zod/v4/locales/nl.js';
import sv from 'zod/v4/locales/sv.js';
import type { Language } from '../../shared/languages';

/** zod's own translations of its field messages, one per language we speak. */
const LOCALES: Record<Language, () => { localeError: unknown }> = { en, fr, nl, sv };

const localeErrors = new Map<Language, (issue: never) => unknown>();

/** zod's message for an issue in a language, as its locale writes it. */
export function zodLocaleText(language: Language, issue: z.core.$ZodIssue): string | undefined {
  if (!localeErrors.has(language)) localeErrors.set(language, LOCALES[language]().localeError as (issue: never) => unknown);
  const result = localeErrors.get(language)!(issue as never);
  return typeof result === 'string' ? result : (result as { message?: string } | undefined)?.message;
}
