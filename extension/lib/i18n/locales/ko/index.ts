import type { Catalog } from '../../types';
import { ko as codes } from './codes';
import { ko as options } from './options';
import { ko as ui } from './ui';

/** 한국어: the interface's texts, the options page's, and Marketo's error codes explained. */
export const ko: Catalog = { ...ui, ...options, ...codes };
