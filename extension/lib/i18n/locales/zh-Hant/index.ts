import { zhHant as notification } from '../../../../../shared/notification-text/locales/zh-Hant';
import type { Locale } from '../../types';
import manifest from './manifest.json';
import { zhHant as options } from './options';
import { zhHant as ui } from './ui';

/** 繁體中文: its interface, options and manifest texts, and its shared notification text. */
export const zhHant: Locale = { catalog: { ...ui, ...options, ...notification }, manifest };
