import type { Locale } from '../../types';
import { zhHans as codes } from './codes';
import manifest from './manifest.json';
import { zhHans as options } from './options';
import { zhHans as ui } from './ui';

/** 简体中文: the interface's, options', error codes' and manifest's texts. */
export const zhHans: Locale = { catalog: { ...ui, ...options, ...codes }, manifest };
