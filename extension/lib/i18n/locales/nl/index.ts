import { nl as notification } from '../../../../../shared/notification-text/locales/nl';
import type { Locale } from '../../types';
import manifest from './manifest.json';
import { nl as options } from './options';
import { nl as ui } from './ui';

/** Nederlands: its interface, options and manifest texts, and its shared notification text. */
export const nl: Locale = { catalog: { ...ui, ...options, ...notification }, manifest };
