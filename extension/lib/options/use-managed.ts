import { useEffect, useState } from 'preact/hooks';

import { type ManagedConfig, readManaged, watchManaged } from '../state/managed';

// Only the options read policy in a page: kept out of lib/ui/hooks.ts so the popup does not load it.
/** The organisation's policy (storage.managed), {} where there is none; undefined while loading. */
export function useManaged(): ManagedConfig | undefined {
  const [managed, setManaged] = useState<ManagedConfig | undefined>(undefined);
  useEffect(() => {
    let active = true;
    void readManaged().then((m) => active && setManaged(m));
    const unwatch = watchManaged((m) => active && setManaged(m));
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return managed;
}
