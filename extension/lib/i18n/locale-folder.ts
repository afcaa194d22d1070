import type { Language } from '../../../shared/languages';

/**
 * The `_locales` folder of a language: browsers know Chinese by region (zh_CN, zh_TW) and
 * write regions with an underscore (pt_BR).
 */
export function localeFolder(language: Language): string {
  const folders: Partial<Record<string, string>> = { 'pt-BR': 'pt_BR', 'zh-Hans': 'zh_CN', 'zh-Hant': 'zh_TW' };
  return folders[language] ?? language;
}
