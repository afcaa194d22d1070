/**
 * Every language's whole catalog, for the build (which writes one `i18n/<lang>.json` per
 * language) and for tests. Runtime code never imports this: it loads the one language it needs.
 */
import type { Language } from '../../../shared/languages';
import { en } from './en';
import { de } from './de';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { ja } from './ja';
import { ko } from './ko';
import { nl } from './nl';
import { ptBR } from './pt-BR';
import { sv } from './sv';
import { zhHans } from './zh-Hans';
import { zhHant } from './zh-Hant';
import { en as enOptions } from './options/en';
import { de as deOptions } from './options/de';
import { es as esOptions } from './options/es';
import { fr as frOptions } from './options/fr';
import { it as itOptions } from './options/it';
import { ja as jaOptions } from './options/ja';
import { ko as koOptions } from './options/ko';
import { nl as nlOptions } from './options/nl';
import { ptBR as ptBROptions } from './options/pt-BR';
import { sv as svOptions } from './options/sv';
import { zhHans as zhHansOptions } from './options/zh-Hans';
import { zhHant as zhHantOptions } from './options/zh-Hant';
import { NOTIFICATION_CATALOGS } from '../../../shared/notification-text/catalogs';
import type { Catalog } from './types';

export const CATALOGS: Record<Language, Catalog> = {
  en: { ...en, ...enOptions, ...NOTIFICATION_CATALOGS.en },
  de: { ...de, ...deOptions, ...NOTIFICATION_CATALOGS.de },
  es: { ...es, ...esOptions, ...NOTIFICATION_CATALOGS.es },
  fr: { ...fr, ...frOptions, ...NOTIFICATION_CATALOGS.fr },
  it: { ...it, ...itOptions, ...NOTIFICATION_CATALOGS.it },
  ja: { ...ja, ...jaOptions, ...NOTIFICATION_CATALOGS.ja },
  ko: { ...ko, ...koOptions, ...NOTIFICATION_CATALOGS.ko },
  nl: { ...nl, ...nlOptions, ...NOTIFICATION_CATALOGS.nl },
  'pt-BR': { ...ptBR, ...ptBROptions, ...NOTIFICATION_CATALOGS['pt-BR'] },
  sv: { ...sv, ...svOptions, ...NOTIFICATION_CATALOGS.sv },
  'zh-Hans': { ...zhHans, ...zhHansOptions, ...NOTIFICATION_CATALOGS['zh-Hans'] },
  'zh-Hant': { ...zhHant, ...zhHantOptions, ...NOTIFICATION_CATALOGS['zh-Hant'] },
};
