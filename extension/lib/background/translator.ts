import { browserLanguages } from '../browser-languages';
import { createTranslator, resolveLanguage, type Translator } from '../i18n';
import { languageItem } from '../storage';

/** The translator for the language the user chose (or the browser's). */
export async function currentTranslator(): Promise<Translator> {
  return createTranslator(resolveLanguage(await languageItem.getValue(), browserLanguages()));
}
