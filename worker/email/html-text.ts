/**
 * HTML of a notification e-mail turned into plain text without rendering it: no DOM, no styles,
 * nothing fetched or run. Content that is never text (scripts, styles, the head) goes entirely;
 * links are collected apart, so the caller can decide which ones it trusts.
 */

/** Elements whose content is not text a person reads. */
const HIDDEN = /<(script|style|head|title|noscript|template|iframe|object|svg|math|textarea|select)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
// Every pattern ends a tag at ">" or at the end of the input, so that none scans the input twice.
const COMMENT = /<!--[\s\S]*?(?:-->|$)|<![^>]*(?:>|$)|<\?[^>]*(?:>|$)/g;
const BLOCK = /<\/?(?:p|div|br|hr|tr|li|ul|ol|h[1-6]|table|tbody|thead|section|article|header|footer|blockquote|pre|dd|dt|dl|center|address)\b[^>]*(?:>|$)/gi;
const CELL = /<\/?(?:td|th)\b[^>]*(?:>|$)/gi;
const TAG = /<\/?[a-z][^>]*(?:>|$)/gi;
const ANCHOR = /<a\s[^>]*(?:>|$)/gi;
const HREF = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/i;

/** The Latin-1 entities, in code point order from U+00A0. */
const LATIN1 = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ' +
  'ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc ' +
  'Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml ' +
  'aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave ' +
  'uacute ucirc uuml yacute thorn yuml'
).split(' ');
const NAMED: Record<string, string> = {
  ...Object.fromEntries(LATIN1.map((name, i) => [name, String.fromCodePoint(0xa0 + i)])),
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", hellip: '\u2026', ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019',
  ldquo: '\u201c', rdquo: '\u201d', bull: '\u2022', euro: '\u20ac', trade: '\u2122', zwnj: '', zwj: '', ensp: ' ', emsp: ' ', thinsp: ' ',
};

function codePoint(n: number): string {
  const valid = Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff);
  return valid ? String.fromCodePoint(n) : '\ufffd';
}

export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,8})|#x([0-9a-f]{1,7})|([a-z][a-z0-9]{1,9}));?/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return codePoint(Number(dec));
    if (hex !== undefined) return codePoint(parseInt(hex, 16));
    return (name !== undefined && Object.hasOwn(NAMED, name) ? NAMED[name] : undefined) ?? whole;
  });
}

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
