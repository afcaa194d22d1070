import type { Locale } from '../../types';
import { ptBR as codes } from './codes';
import manifest from './manifest.json';
import { ptBR as options } from './options';
import { ptBR as ui } from './ui';

/** Português (Brasil): the interface's, options', error codes' and manifest's texts. */
export const ptBR: Locale = { catalog: { ...ui, ...options, ...codes }, manifest };
