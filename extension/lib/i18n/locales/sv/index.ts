import type { Catalog } from '../../types';
import { sv as codes } from './codes';
import { sv as options } from './options';
import { sv as ui } from './ui';

/** Svenska: the interface's texts, the options page's, and Marketo's error codes explained. */
export const sv: Catalog = { ...ui, ...options, ...codes };
