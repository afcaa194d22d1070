import type { Catalog } from '../../types';
import { zhHant as codes } from './codes';
import { zhHant as options } from './options';
import { zhHant as ui } from './ui';

/** 繁體中文: the interface's texts, the options page's, and Marketo's error codes explained. */
export const zhHant: Catalog = { ...ui, ...options, ...codes };
