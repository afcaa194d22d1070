import { ko as notification } from '../../../../../shared/notification-text/locales/ko';
import type { Locale } from '../../types';
import manifest from './manifest.json';
import { ko as options } from './options';
import { ko as ui } from './ui';

/** 한국어: its interface, options and manifest texts, and its shared notification text. */
export const ko: Locale = { catalog: { ...ui, ...options, ...notification }, manifest };
