import { browserLanguages } from './browser-languages';
import { resolveLanguage, type Language } from './';
import { languageItem } from '../state/storage';

/** The language chosen in the options, or the browser's first one we speak when set to auto. */
export async function chosenLanguage(): Promise<Language> {
  return resolveLanguage(await languageItem.getValue(), browserLanguages());
}
