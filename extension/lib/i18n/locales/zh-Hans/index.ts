import { zhHans as notification } from '../../../../../shared/notification-text/locales/zh-Hans';
import type { Locale } from '../../types';
import manifest from './manifest.json';
import { zhHans as options } from './options';
import { zhHans as ui } from './ui';

/** 简体中文: its interface, options and manifest texts, and its shared notification text. */
export const zhHans: Locale = { catalog: { ...ui, ...options, ...notification }, manifest };
