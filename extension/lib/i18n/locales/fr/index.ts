import type { Catalog } from '../../types';
import { fr as codes } from './codes';
import { fr as options } from './options';
import { fr as ui } from './ui';

/** Français: the interface's texts, the options page's, and Marketo's error codes explained. */
export const fr: Catalog = { ...ui, ...options, ...codes };
