import { it as notification } from '../../../../../shared/notification-text/locales/it';
import type { Locale } from '../../types';
import manifest from './manifest.json';
import { it as options } from './options';
import { it as ui } from './ui';

/** Italiano: its interface, options and manifest texts, and its shared notification text. */
export const it: Locale = { catalog: { ...ui, ...options, ...notification }, manifest };
