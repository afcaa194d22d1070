import type { Catalog } from '../../types';
import { ptBR as codes } from './codes';
import { ptBR as options } from './options';
import { ptBR as ui } from './ui';

/** Português (Brasil): the interface's texts, the options page's, and Marketo's error codes explained. */
export const ptBR: Catalog = { ...ui, ...options, ...codes };
