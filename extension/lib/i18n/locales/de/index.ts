import type { Catalog } from '../../types';
import { de as codes } from './codes';
import { de as options } from './options';
import { de as ui } from './ui';

/** Deutsch: the interface's texts, the options page's, and Marketo's error codes explained. */
export const de: Catalog = { ...ui, ...options, ...codes };
