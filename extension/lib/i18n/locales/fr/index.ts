import type { Locale } from '../../types';
import { fr as codes } from './codes';
import manifest from './manifest.json';
import { fr as options } from './options';
import { fr as ui } from './ui';

/** Français: the interface's, options', error codes' and manifest's texts. */
export const fr: Locale = { catalog: { ...ui, ...options, ...codes }, manifest };
