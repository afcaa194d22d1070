/**
 * HTML of a notification e-mail turned into plain text without rendering it: no DOM, no styles,
 * nothing fetched or run. Content that is never text (scripts, styles, the head) goes entirely;
 * links are collected apart, so the caller can decide which ones it trusts.
 */
import { decodeEntities } from '../../shared/html-entities';

/** Elements whose content is not text a person reads. */
const HIDDEN =
  /<(script|style|head|title|noscript|template|iframe|object|svg|math|textarea|select)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
// Every pattern ends a tag at ">" or at the end of the input, so that none scans the input twice.
const COMMENT = /<!--[\s\S]*?(?:-->|$)|<![^>]*(?:>|$)|<\?[^>]*(?:>|$)/g;
const BLOCK_TAGS =
  'p|div|br|hr|tr|li|ul|ol|h[1-6]|table|tbody|thead|section|article|header|footer|blockquote|pre|' +
  'dd|dt|dl|center|address';
const BLOCK = new RegExp(String.raw`<\/?(?:${BLOCK_TAGS})\b[^>]*(?:>|$)`, 'gi');
const CELL = /<\/?(?:td|th)\b[^>]*(?:>|$)/gi;
const TAG = /<\/?[a-z][^>]*(?:>|$)/gi;
const ANCHOR = /<a\s[^>]*(?:>|$)/gi;
const HREF = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/i;

/** Spaces collapsed, lines trimmed, at most one empty line in a row. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v \u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function htmlToText(html: string): string {
  const text = html
    .replace(COMMENT, ' ')
    .replace(HIDDEN, ' ')
    .replace(/\r?\n/g, ' ')
    .replace(BLOCK, '\n')
    .replace(CELL, ' ')
    .replace(TAG, '');
  return tidyText(decodeEntities(text));
}

/** Every href of the HTML's links, entities decoded; scripts and comments are not looked into. */
export function htmlLinks(html: string): string[] {
  const visible = html.replace(COMMENT, ' ').replace(HIDDEN, ' ');
  const links: string[] = [];
  for (const [anchor] of visible.matchAll(ANCHOR)) {
    const m = HREF.exec(anchor);
    if (m) links.push(decodeEntities((m[1] ?? m[2] ?? m[3] ?? '').trim()));
  }
  return links;
}
