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
import type { Catalog } from './types';

export const CATALOGS: Record<Language, Catalog> = {
  en: { ...en, ...enOptions, ...enCodes },
  de: { ...de, ...deOptions, ...deCodes },
  es: { ...es, ...esOptions, ...esCodes },
  fr: { ...fr, ...frOptions, ...frCodes },
  it: { ...it, ...itOptions, ...itCodes },
  ja: { ...ja, ...jaOptions, ...jaCodes },
  ko: { ...ko, ...koOptions, ...koCodes },
  nl: { ...nl, ...nlOptions, ...nlCodes },
  'pt-BR': { ...ptBR, ...ptBROptions, ...ptBRCodes },
  sv: { ...sv, ...svOptions, ...svCodes },
  'zh-Hans': { ...zhHans, ...zhHansOptions, ...zhHansCodes },
  'zh-Hant': { ...zhHant, ...zhHantOptions, ...zhHantCodes },
};
