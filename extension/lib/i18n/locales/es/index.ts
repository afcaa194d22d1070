import type { Catalog } from '../../types';
import { es as codes } from './codes';
import { es as options } from './options';
import { es as ui } from './ui';

/** Español: the interface's texts, the options page's, and Marketo's error codes explained. */
export const es: Catalog = { ...ui, ...options, ...codes };
