import type { Catalog } from '../../types';
import { en as codes } from './codes';
import { en as options } from './options';
import { en as ui } from './ui';

/** English: the interface's texts, the options page's, and Marketo's error codes explained. */
export const en: Catalog = { ...ui, ...options, ...codes };
