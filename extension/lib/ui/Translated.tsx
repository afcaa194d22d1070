import type { ComponentChildren } from 'preact';

import type { Translator } from '../i18n';
import { useTranslator } from './hooks';

/** Renders its children with the translator once the chosen language's catalog is loaded. */
export function Translated({ children }: { children: (tr: Translator) => ComponentChildren }) {
  const tr = useTranslator();
  return tr ? <>{children(tr)}</> : null;
}
