import { sv as notification } from '../../../../../shared/notification-text/locales/sv';
import type { Locale } from '../../types';
import manifest from './manifest.json';
import { sv as options } from './options';
import { sv as ui } from './ui';

/** Svenska: its interface, options and manifest texts, and its shared notification text. */
export const sv: Locale = { catalog: { ...ui, ...options, ...notification }, manifest };
