/**
 * Text compared for meaning, not form: width (NFKC), case, apostrophes, spaces and hyphens do not
 * count, so "CRM-Synch", "CRM Synch" and "crm synch" are the same, as are "CRM 同期" and "CRM同期".
 */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\s\u00a0_\u2010-\u2015-]+/g, '');
}

const foldedNeedles = new Map<string, string>();

/** Vocabulary is folded once. */
function foldNeedle(needle: string): string {
  let folded = foldedNeedles.get(needle);
  if (folded === undefined) {
    folded = fold(needle);
    foldedNeedles.set(needle, folded);
  }
  return folded;
}

/** Where the first of `needles` occurs in already folded text, or -1. */
export function firstIndexOf(folded: string, needles: readonly string[]): number {
  let best = -1;
  for (const needle of needles) {
    const at = folded.indexOf(foldNeedle(needle));
    if (at !== -1 && (best === -1 || at < best)) best = at;
  }
  return best;
}
