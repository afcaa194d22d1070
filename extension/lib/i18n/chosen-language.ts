import { languageItem } from '../state/storage';
import { type Language, resolveLanguage } from './';
import { browserLanguages } from './browser-languages';

/** The language chosen in the options, or the browser's first one we speak when set to auto. */
export async function chosenLanguage(): Promise<Language> {
  return resolveLanguage(await languageItem.getValue(), browserLanguages());
}
