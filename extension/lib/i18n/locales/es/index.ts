import { es as notification } from '../../../../../shared/notification-text/locales/es';
import type { Locale } from '../../types';
import manifest from './manifest.json';
import { es as options } from './options';
import { es as ui } from './ui';

/** Español: its interface, options and manifest texts, and its shared notification text. */
export const es: Locale = { catalog: { ...ui, ...options, ...notification }, manifest };
