import type { Locale } from '../../types';
import { en as codes } from './codes';
import manifest from './manifest.json';
import { en as options } from './options';
import { en as ui } from './ui';

/** English: the interface's, options', error codes' and manifest's texts. */
export const en: Locale = { catalog: { ...ui, ...options, ...codes }, manifest };
