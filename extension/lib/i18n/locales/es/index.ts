import type { Locale } from '../../types';
import { es as codes } from './codes';
import manifest from './manifest.json';
import { es as options } from './options';
import { es as ui } from './ui';

/** Español: the interface's, options', error codes' and manifest's texts. */
export const es: Locale = { catalog: { ...ui, ...options, ...codes }, manifest };
