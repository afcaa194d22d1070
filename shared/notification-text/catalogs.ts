/**
 * A notification's text in every language: what the extension's catalogs include and what the
 * worker's outbound messages (Slack, Teams, e-mail) are written with. A language is a file in
 * ./locales, imported and listed here (and its folder in extension/lib/i18n/locales).
 */
import type { Language } from '../languages';
import { de } from './locales/de';
import { en } from './locales/en';
import { es } from './locales/es';
import { fr } from './locales/fr';
import { it } from './locales/it';
import { ja } from './locales/ja';
import { ko } from './locales/ko';
import { nl } from './locales/nl';
import { ptBR } from './locales/pt-BR';
import { sv } from './locales/sv';
import { zhHans } from './locales/zh-Hans';
import { zhHant } from './locales/zh-Hant';
import type { NotificationCatalog } from './types';

export const NOTIFICATION_CATALOGS: Record<Language, NotificationCatalog> = {
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
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
};
