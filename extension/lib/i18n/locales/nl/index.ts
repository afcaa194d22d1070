import type { Locale } from '../../types';
import { nl as codes } from './codes';
import manifest from './manifest.json';
import { nl as options } from './options';
import { nl as ui } from './ui';

/** Nederlands: the interface's, options', error codes' and manifest's texts. */
export const nl: Locale = { catalog: { ...ui, ...options, ...codes }, manifest };
