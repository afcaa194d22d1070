import { de as notification } from '../../../../../shared/notification-text/locales/de';
import type { Locale } from '../../types';
import manifest from './manifest.json';
import { de as options } from './options';
import { de as ui } from './ui';

/** Deutsch: its interface, options and manifest texts, and its shared notification text. */
export const de: Locale = { catalog: { ...ui, ...options, ...notification }, manifest };
