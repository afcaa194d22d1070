import type { Locale } from '../../types';
import { de as codes } from './codes';
import manifest from './manifest.json';
import { de as options } from './options';
import { de as ui } from './ui';

/** Deutsch: the interface's, options', error codes' and manifest's texts. */
export const de: Locale = { catalog: { ...ui, ...options, ...codes }, manifest };
