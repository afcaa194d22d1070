/**
 * Every language's whole catalog, for the build (which writes one `i18n/<lang>.json` per
 * language) and for tests. Runtime code never imports this: it loads the one language it needs.
 */
import type { Language } from '../../../shared/languages';
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
import type { Catalog } from './types';

export const CATALOGS: Record<Language, Catalog> = {
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
