import type { Counts } from '../../shared/notifications';

/**
 * A weak entity tag for a counts document: equal counts give equal tags. Weak, because a proxy
 * may compress the body; FNV-1a over the JSON is plenty to tell two counts apart.
 */
export function countsTag(counts: Counts): string {
  const text = JSON.stringify(counts);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `W/"c${(hash >>> 0).toString(16).padStart(8, '0')}${text.length.toString(16)}"`;
}

/** The tags of an If-None-Match header (weak comparison: W/ is ignored); `*` matches any. */
export function parseIfNoneMatch(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .filter((tag) => tag === '*' || /^"[^"]*"$/.test(tag));
}

export function tagMatches(known: string[], tag: string): boolean {
  const bare = tag.replace(/^W\//, '');
  return known.some((k) => k === '*' || k === bare);
}
