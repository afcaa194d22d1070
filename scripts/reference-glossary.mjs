// Adobe's names for the seven seed notification types, in each language, taken from the
// "Notification Types" pages in ../shared/reference (beside the repository) and kept in
// shared/glossary/notification-types.json, which the e-mail reader imports and the glossary tests
// read on any checkout. `--check` fails when the kept file differs from what the pages say now.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

import prettier from 'prettier';

// The worker's own decoder (Node strips the types as it loads the file).
import { decodeEntities } from '../shared/html-entities.ts';

const REFERENCE = new URL('../../shared/reference/', import.meta.url);
const FIXTURE = new URL('../shared/glossary/notification-types.json', import.meta.url);

/**
 * The section titles of a page, in order. Some translations keep only the first sections as
 * headings ("## Name {#id}") and the rest as a short line of its own: those count too; paragraphs,
 * images, notes and the bold CRM names do not.
 */
export function sectionTitles(markdown) {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const blocks = body
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const titles = [];
  for (const block of blocks) {
    if (
      block.startsWith('# ') ||
      block.startsWith('![') ||
      block.startsWith('>') ||
      block.startsWith('**') ||
      block.includes('\n')
    )
      continue;
    const heading = /^## (.+?)\s*\{#[a-z-]+\}$/.exec(block);
    if (heading) titles.push(heading[1]);
    else if ([...block].length <= 60 && !/[.。:]$/.test(block)) titles.push(decodeEntities(block));
  }
  return titles;
}

function fromPages() {
  const titles = {};
  for (const file of readdirSync(REFERENCE).sort()) {
    const language = /^notification-types\.(.+)\.md$/.exec(file)?.[1];
    if (language) titles[language] = sectionTitles(readFileSync(new URL(file, REFERENCE), 'utf8'));
  }
  return {
    source:
      "Adobe Experience League, Marketo Engage 'Notification Types' (section titles only), one page per language",
    titles,
  };
}

// The kept file is laid out by Prettier like every other file, so the check compares what it says,
// not how it is laid out.
const names = fromPages();
if (process.argv.includes('--check')) {
  if (!isDeepStrictEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')), names)) {
    console.error(
      `${fileURLToPath(FIXTURE)} differs from ../shared/reference: run node scripts/reference-glossary.mjs`,
    );
    process.exit(1);
  }
  console.log('the kept notification type names match the reference pages');
} else {
  const filepath = fileURLToPath(FIXTURE);
  const options = { ...(await prettier.resolveConfig(filepath)), filepath };
  writeFileSync(FIXTURE, await prettier.format(JSON.stringify(names), options));
  console.log(`wrote ${filepath}`);
}
