// Redocly's linter on the OpenAPI document the worker serves: no error and no warning, with the
// rules redocly.yaml turns off (each with its reason).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runJsonCli } from '../../scripts/lib/json-cli.mjs';
import { randomToken, startWorker } from '../../scripts/lib/local-worker.mjs';
import { projectRoot } from '../../scripts/lib/project.mjs';

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

let dir: string;
let problems: Problem[];

function redoclyLint(file: string): Promise<{ problems: Problem[] }> {
  const args = ['lint', file, '--config', join(projectRoot, 'redocly.yaml'), '--format', 'json'];
  return runJsonCli('@redocly/cli/bin/cli.js', args, {
    env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marketo-notifier-openapi-'));
  // The document as a running worker serves it.
  const worker = await startWorker({ persistTo: join(dir, 'state'), rootToken: randomToken() });
  let document: unknown;
  try {
    const response = await fetch(new URL('/v1/openapi.json', worker.url));
    expect(response.status).toBe(200);
    document = await response.json();
  } finally {
    await worker.stop();
  }
  const file = join(dir, 'openapi.json');
  await writeFile(file, JSON.stringify(document, null, 2));
  problems = (await redoclyLint(file)).problems;
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const brief = (list: Problem[]) =>
  list.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`).join('\n');

describe('redocly lint of GET /v1/openapi.json', () => {
  it('finds no error', () => {
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors, brief(errors)).toEqual([]);
  });

  it('finds no warning', () => {
    const warnings = problems.filter((p) => p.severity === 'warn');
    expect(warnings, brief(warnings)).toEqual([]);
  });
});
