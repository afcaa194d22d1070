/**
 * Every language's whole catalog, for the build (which writes one `i18n/<lang>.json` per
 * language) and for tests. Runtime code never imports this: it loads the one language it needs.
 */
import type { Language } from '../../../shared/languages';
import { en as enCodes } from './codes/en';
import { fr as frCodes } from './codes/fr';
import { nl as nlCodes } from './codes/nl';
import { sv as svCodes } from './codes/sv';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';
import { sv } from './sv';
import type { Catalog } from './types';

export const CATALOGS: Record<Language, Catalog> = {
  en: { ...en, ...enCodes },
  fr: { ...fr, ...frCodes },
  nl: { ...nl, ...nlCodes },
  sv: { ...sv, ...svCodes },
};
