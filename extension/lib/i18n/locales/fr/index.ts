import { fr as notification } from '../../../../../shared/notification-text/locales/fr';
import type { Locale } from '../../types';
import manifest from './manifest.json';
import { fr as options } from './options';
import { fr as ui } from './ui';

/** Français: its interface, options and manifest texts, and its shared notification text. */
export const fr: Locale = { catalog: { ...ui, ...options, ...notification }, manifest };
