import { fold } from './fold';
import { EMAIL_TYPES, type EmailType, TYPE_NAMES } from './type-names';

interface Match {
  type: EmailType;
  at: number;
  length: number;
}

function matches(folded: string): Match[] {
  const found: Match[] = [];
  for (const type of EMAIL_TYPES) {
    for (const name of TYPE_NAMES[type]) {
      const at = folded.indexOf(fold(name));
      if (at !== -1) found.push({ type, at, length: fold(name).length });
    }
  }
  // The first name wins; at the same place the longer one ("Campaign Failure" over "Campaign").
  return found.sort((a, b) => a.at - b.at || b.length - a.length);
}

/**
 * The seed types a mail may be, most likely first: the type names its subject gives, in order, then
 * the ones its text gives. The caller takes the first whose facts the mail holds.
 */
export function typeCandidates(subject: string, text: string): EmailType[] {
  const ordered = [...matches(fold(subject)), ...matches(fold(text))].map((m) => m.type);
  return [...new Set(ordered)];
}

/** What follows a type's name in the subject ("Campaign Failure: Welcome flow" gives "Welcome flow"). */
export function afterTypeName(subject: string, type: EmailType): string | null {
  for (const name of TYPE_NAMES[type]) {
    const pattern = new RegExp(
      `${escapeRegExp(name).replace(/[ -]/g, '[\\s-]*')}\\s*[:：\\-–—|]\\s*(.+)$`,
      'iu',
    );
    const m = pattern.exec(subject.normalize('NFKC'));
    if (m?.[1]?.trim()) return m[1].trim();
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.normalize('NFKC').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
