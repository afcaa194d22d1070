import { ptBR as notification } from '../../../../../shared/notification-text/locales/pt-BR';
import type { Locale } from '../../types';
import manifest from './manifest.json';
import { ptBR as options } from './options';
import { ptBR as ui } from './ui';

/** Português (Brasil): its interface, options and manifest texts, and its shared notification text. */
export const ptBR: Locale = { catalog: { ...ui, ...options, ...notification }, manifest };
