/**
 * A notification's text in every language: what the extension's catalogs include and what the
 * worker's outbound messages (Slack, Teams, e-mail) are written with.
 */
import type { Language } from '../languages';
import { en as enCodes } from './codes/en';
import { de as deCodes } from './codes/de';
import { es as esCodes } from './codes/es';
import { fr as frCodes } from './codes/fr';
import { it as itCodes } from './codes/it';
import { ja as jaCodes } from './codes/ja';
import { ko as koCodes } from './codes/ko';
import { nl as nlCodes } from './codes/nl';
import { ptBR as ptBRCodes } from './codes/pt-BR';
import { sv as svCodes } from './codes/sv';
import { zhHans as zhHansCodes } from './codes/zh-Hans';
import { zhHant as zhHantCodes } from './codes/zh-Hant';
import { en } from './catalog/en';
import { de } from './catalog/de';
import { es } from './catalog/es';
import { fr } from './catalog/fr';
import { it } from './catalog/it';
import { ja } from './catalog/ja';
import { ko } from './catalog/ko';
import { nl } from './catalog/nl';
import { ptBR } from './catalog/pt-BR';
import { sv } from './catalog/sv';
import { zhHans } from './catalog/zh-Hans';
import { zhHant } from './catalog/zh-Hant';
import type { NotificationCatalog } from './types';

export const NOTIFICATION_CATALOGS: Record<Language, NotificationCatalog> = {
  en: { ...en, ...enCodes },
  de: { ...de, ...deCodes },
  es: { ...es, ...esCodes },
  fr: { ...fr, ...frCodes },
  it: { ...it, ...itCodes },
  ja: { ...ja, ...jaCodes },
  ko: { ...ko, ...koCodes },
  nl: { ...nl, ...nlCodes },
  'pt-BR': { ...ptBR, ...ptBRCodes },
  sv: { ...sv, ...svCodes },
  'zh-Hans': { ...zhHans, ...zhHansCodes },
  'zh-Hant': { ...zhHant, ...zhHantCodes },
};
