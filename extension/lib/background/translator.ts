import type { Translator } from '../i18n';
import { chosenLanguage } from '../i18n/chosen-language';
import { loadTranslator } from '../i18n/load';

/** The translator for the language the user chose (or the browser's). */
export async function currentTranslator(): Promise<Translator> {
  return loadTranslator(await chosenLanguage());
}
