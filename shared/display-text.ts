/**
 * Text from outside (campaign names, messages, e-mail subjects and excerpts, member names, key
 * labels) as it may be shown to a person: without the characters that change how the rest reads
 * while showing nothing themselves. Gone: every format character (Unicode Cf: the bidi controls
 * such as U+202E, which turns "exe.txt" into "txt.exe", the isolates and marks, zero-width spaces
 * and joiners, the byte order mark, soft hyphens, tag characters), every control character (Cc:
 * BEL, ESC, NUL…) and lone surrogates. Tabs and line breaks stay in multi-line text (e-mail
 * excerpts, messages) and become one space in a single line (titles, names). One price: emoji
 * joined with U+200D show as their parts. Used by the extension's pages, its overlay and its
 * desktop notifications, and usable by the worker (no imports, no runtime APIs).
 */

/** Format, control and lone surrogate code points, except the line breaks and tabs handled below. */
const INVISIBLE = /(?![\t\n\r\v\f\u0085])[\p{Cf}\p{Cc}\p{Cs}]/gu;
/** What breaks a line: CR LF, CR, LF, VT, FF, NEL, and Unicode's line and paragraph separators. */
const LINE_BREAK = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/g;
const SINGLE_LINE_BREAKS = /[\t\r\n\v\f\u0085\u2028\u2029]+/g;

export interface DisplayTextOptions {
  /** Keeps tabs and line breaks (as `\n`); otherwise each run of them becomes one space. */
  multiline?: boolean;
}

export function displayText(text: string, { multiline = false }: DisplayTextOptions = {}): string {
  const visible = text.replace(INVISIBLE, '');
  return multiline ? visible.replace(LINE_BREAK, '\n') : visible.replace(SINGLE_LINE_BREAKS, ' ');
}
