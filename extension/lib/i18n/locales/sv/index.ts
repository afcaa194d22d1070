import type { Locale } from '../../types';
import { sv as codes } from './codes';
import manifest from './manifest.json';
import { sv as options } from './options';
import { sv as ui } from './ui';

/** Svenska: the interface's, options', error codes' and manifest's texts. */
export const sv: Locale = { catalog: { ...ui, ...options, ...codes }, manifest };
