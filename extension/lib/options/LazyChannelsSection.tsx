import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import type { Translator } from '../i18n';
import type { TestedConnection } from './connection-test';

type Props = { tr: Translator; tested: TestedConnection | null };

/**
 * The Channels section, loaded once an admin key was tested: only admins see it, so the page
 * everyone opens does not carry its code.
 */
export function LazyChannelsSection({ tr, tested }: Props) {
  const [Section, setSection] = useState<ComponentType<Props> | null>(null);
  const test = tested?.result;
  const isAdmin = test?.ok === true && test.role === 'admin';
  useEffect(() => {
    if (!isAdmin || Section) return;
    void import('./ChannelsSection').then((module) => setSection(() => module.ChannelsSection));
  }, [isAdmin]);
  return Section && <Section tr={tr} tested={tested} />;
}
