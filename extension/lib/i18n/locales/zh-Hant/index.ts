import type { Locale } from '../../types';
import { zhHant as codes } from './codes';
import manifest from './manifest.json';
import { zhHant as options } from './options';
import { zhHant as ui } from './ui';

/** 繁體中文: the interface's, options', error codes' and manifest's texts. */
export const zhHant: Locale = { catalog: { ...ui, ...options, ...codes }, manifest };
