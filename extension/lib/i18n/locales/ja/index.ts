import { ja as notification } from '../../../../../shared/notification-text/locales/ja';
import type { Locale } from '../../types';
import manifest from './manifest.json';
import { ja as options } from './options';
import { ja as ui } from './ui';

/** 日本語: its interface, options and manifest texts, and its shared notification text. */
export const ja: Locale = { catalog: { ...ui, ...options, ...notification }, manifest };
