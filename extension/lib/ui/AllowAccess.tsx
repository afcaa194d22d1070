import { useEffect, useState } from 'preact/hooks';

import { hasHostAccess, requestHostAccess } from '../connection/host-access';
import type { Translator } from '../i18n';

/**
 * One click to grant access to the worker's origin, shown only while it is missing: a URL that came
 * without a user gesture (a build default, or policy) has had no chance to ask.
 */
export function AllowAccess({ tr, workerUrl }: { tr: Translator; workerUrl: string }) {
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    let active = true;
    void hasHostAccess(workerUrl).then((has) => active && setMissing(!has));
    return () => {
      active = false;
    };
  }, [workerUrl]);
  if (!missing) return null;
  const origin = new URL(workerUrl).origin;
  return (
    <p class="allow-access" data-testid="allow-access">
      <span>{tr.t('access.missing', { origin })} </span>
      <button
        type="button"
        data-testid="allow-access-button"
        onClick={() => void requestHostAccess(workerUrl).then((granted) => setMissing(!granted))}
      >
        {tr.t('access.allow')}
      </button>
    </p>
  );
}
