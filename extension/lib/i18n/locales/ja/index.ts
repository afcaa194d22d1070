import type { Catalog } from '../../types';
import { ja as codes } from './codes';
import { ja as options } from './options';
import { ja as ui } from './ui';

/** 日本語: the interface's texts, the options page's, and Marketo's error codes explained. */
export const ja: Catalog = { ...ui, ...options, ...codes };
