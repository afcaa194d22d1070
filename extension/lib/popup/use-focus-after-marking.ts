import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Marking read removes the focused "Mark as read" button (or disables "Mark all"), which would
 * drop keyboard focus to <body>. This moves it, after the render that removed it, to another
 * notification's button or to the feed itself.
 */
export function useFocusAfterMarking() {
  const feedRef = useRef<HTMLElement>(null);
  const [target, setTarget] = useState<{ markReadOf: string | null } | null>(null);
  useEffect(() => {
    if (!target) return;
    const feed = feedRef.current;
    const button =
      target.markReadOf === null
        ? null
        : feed?.querySelector<HTMLElement>(`[data-testid="mark-read-${CSS.escape(target.markReadOf)}"]`);
    (button ?? feed)?.focus();
    setTarget(null);
  }, [target]);
  return {
    feedRef,
    /** Focus goes to this notification's button, or to the feed when null. */
    focusNext: (markReadOf: string | null) => setTarget({ markReadOf }),
  };
}
