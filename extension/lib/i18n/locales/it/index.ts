import type { Catalog } from '../../types';
import { it as codes } from './codes';
import { it as options } from './options';
import { it as ui } from './ui';

/** Italiano: the interface's texts, the options page's, and Marketo's error codes explained. */
export const it: Catalog = { ...ui, ...options, ...codes };
