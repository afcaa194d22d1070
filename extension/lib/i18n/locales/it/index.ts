import type { Locale } from '../../types';
import { it as codes } from './codes';
import manifest from './manifest.json';
import { it as options } from './options';
import { it as ui } from './ui';

/** Italiano: the interface's, options', error codes' and manifest's texts. */
export const it: Locale = { catalog: { ...ui, ...options, ...codes }, manifest };
