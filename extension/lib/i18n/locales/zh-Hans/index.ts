import type { Catalog } from '../../types';
import { zhHans as codes } from './codes';
import { zhHans as options } from './options';
import { zhHans as ui } from './ui';

/** 简体中文: the interface's texts, the options page's, and Marketo's error codes explained. */
export const zhHans: Catalog = { ...ui, ...options, ...codes };
