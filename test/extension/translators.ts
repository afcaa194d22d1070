import { createTranslator, type Language, type Translator } from '../../extension/lib/i18n';
import { CATALOGS } from '../../extension/lib/i18n/catalogs';

/** A language's translator with its catalog from source (the built extension loads it from the package). */
export const translator = (lang: Language): Translator => createTranslator(lang, CATALOGS[lang]);
