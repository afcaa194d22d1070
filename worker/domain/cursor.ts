import { fromBase64Url, toBase64Url } from '../../shared/base64url';

/** A position in the feed: the last item of a page, in (lastAt DESC, id DESC) order. */
export interface ListCursor {
  lastAtMs: number;
  id: string;
}

export function encodeCursor(cursor: ListCursor): string {
  const json = JSON.stringify([cursor.lastAtMs, cursor.id]);
  return toBase64Url(json);
}

/** Null for anything that this module did not make. */
export function decodeCursor(text: string): ListCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(text));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [lastAtMs, id] = parsed as unknown[];
    // Any time an event may carry, also before 1970 (negative).
    if (!Number.isSafeInteger(lastAtMs)) return null;
    if (typeof id !== 'string' || id.length === 0 || id.length > 100) return null;
    return { lastAtMs: lastAtMs as number, id };
  } catch {
    return null;
  }
}
