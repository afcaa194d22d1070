// Mozilla's addons-linter on a Firefox build, with each warning attributed to our code or to a
// dependency bundled into it. Used by test/conformance and `npm run lint:firefox`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { runJsonCli } from './json-cli.mjs';

/**
 * Warnings that come from inside a dependency, recognised by the code at the reported place.
 * Each is explained in the README ("Firefox add-on linter"); our own code never does either.
 */
export const DEPENDENCY_WARNINGS = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    dependency: 'preact',
    // Preact's renderer applies `dangerouslySetInnerHTML` this way; no component of ours passes it.
    pattern: /\.innerHTML=\w+\.__html/,
  },
];

const CONTEXT = 200;

function runLinter(dir) {
  return runJsonCli('addons-linter/bin/addons-linter', ['--output', 'json', dir]);
}

async function codeAround(dir, message) {
  if (!message.file || !message.line) return '';
  const line = (await readFile(join(dir, message.file), 'utf8')).split('\n')[message.line - 1] ?? '';
  const column = message.column ?? 0;
  return line.slice(Math.max(0, column - CONTEXT), column + CONTEXT);
}

/**
 * Lints the unpacked Firefox build in `dir`. Answers the errors, the warnings of our own code,
 * the warnings from dependencies (with the dependency named), and the notices.
 */
export async function lintFirefoxBuild(dir) {
  const report = await runLinter(dir);
  const ownWarnings = [];
  const dependencyWarnings = [];
  for (const warning of report.warnings) {
    const code = await codeAround(dir, warning);
    const known = DEPENDENCY_WARNINGS.find((d) => d.code === warning.code && d.pattern.test(code));
    if (known) dependencyWarnings.push({ ...warning, dependency: known.dependency });
    else ownWarnings.push(warning);
  }
  return { errors: report.errors, ownWarnings, dependencyWarnings, notices: report.notices };
}

const brief = (m) =>
  `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}${m.dependency ? ` (from ${m.dependency})` : ''}`;

/** One line per finding, for logs. */
export function describeLint({ errors, ownWarnings, dependencyWarnings, notices }) {
  return [
    `addons-linter: ${errors.length} errors, ${ownWarnings.length} warnings from our code, ` +
      `${dependencyWarnings.length} from dependencies, ${notices.length} notices`,
    ...errors.map((m) => `  error   ${brief(m)}`),
    ...ownWarnings.map((m) => `  warning ${brief(m)}`),
    ...dependencyWarnings.map((m) => `  warning ${brief(m)}`),
    ...notices.map((m) => `  notice  ${brief(m)}`),
  ].join('\n');
}
