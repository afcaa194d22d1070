import type { Locale } from '../../types';
import { ko as codes } from './codes';
import manifest from './manifest.json';
import { ko as options } from './options';
import { ko as ui } from './ui';

/** 한국어: the interface's, options', error codes' and manifest's texts. */
export const ko: Locale = { catalog: { ...ui, ...options, ...codes }, manifest };
