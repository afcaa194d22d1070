import { chosenLanguage } from '../chosen-language';
import { createTranslator, type Translator } from '../i18n';

/** The translator for the language the user chose (or the browser's). */
export async function currentTranslator(): Promise<Translator> {
  return createTranslator(await chosenLanguage());
}
