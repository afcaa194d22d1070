import { en as notification } from '../../../../../shared/notification-text/locales/en';
import type { Locale } from '../../types';
import manifest from './manifest.json';
import { en as options } from './options';
import { en as ui } from './ui';

/** English: its interface, options and manifest texts, and its shared notification text. */
export const en: Locale = { catalog: { ...ui, ...options, ...notification }, manifest };
