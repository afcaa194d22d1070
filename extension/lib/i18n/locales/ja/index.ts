import type { Locale } from '../../types';
import { ja as codes } from './codes';
import manifest from './manifest.json';
import { ja as options } from './options';
import { ja as ui } from './ui';

/** 日本語: the interface's, options', error codes' and manifest's texts. */
export const ja: Locale = { catalog: { ...ui, ...options, ...codes }, manifest };
