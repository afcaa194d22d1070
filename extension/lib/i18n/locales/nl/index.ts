import type { Catalog } from '../../types';
import { nl as codes } from './codes';
import { nl as options } from './options';
import { nl as ui } from './ui';

/** Nederlands: the interface's texts, the options page's, and Marketo's error codes explained. */
export const nl: Catalog = { ...ui, ...options, ...codes };
