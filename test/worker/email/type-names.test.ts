/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { EMAIL_LANGUAGES, pageNames, TYPE_NAMES } from '../../../worker/email/type-names';
import { decodeEntities } from '../../../worker/email/html-text';

/** Adobe's pages, from the shared folder beside the repository (as in CI). */
const pages = import.meta.glob('../../../../shared/reference/notification-types.*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const PAGES = new Map(Object.entries(pages).map(([path, text]) => [/notification-types\.(.+)\.md$/.exec(path)![1]!, text]));

/**
 * The section titles of Adobe's page, in order. Some translations keep only the first sections as
 * headings ("## Name {#id}") and the rest as a short line of its own: those count too; paragraphs,
 * images, notes and the bold CRM names do not.
 */
function sectionTitles(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const blocks = body.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const titles: string[] = [];
  for (const block of blocks) {
    if (block.startsWith('# ') || block.startsWith('![') || block.startsWith('>') || block.startsWith('**') || block.includes('\n')) continue;
    const heading = /^## (.+?)\s*\{#[a-z-]+\}$/.exec(block);
    if (heading) titles.push(heading[1]!);
    else if ([...block].length <= 60 && !/[.。:]$/.test(block)) titles.push(decodeEntities(block));
  }
  return titles;
}

describe('type names against Adobe\'s pages', () => {
  it.each(EMAIL_LANGUAGES)('%s: the seven names, in the page\'s order', (language) => {
    expect(sectionTitles(PAGES.get(language) ?? '')).toEqual([...pageNames(language)]);
  });

  it('every page of the reference has its language here', () => {
    expect([...EMAIL_LANGUAGES].sort()).toEqual([...PAGES.keys()].sort());
  });

  it('a type\'s names are unique and each names only that type', () => {
    const owner = new Map<string, string>();
    for (const [type, names] of Object.entries(TYPE_NAMES)) {
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) {
        expect(owner.get(name) ?? type).toBe(type);
        owner.set(name, type);
      }
    }
  });
});
