// What the figures were measured on.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';

import { projectRoot } from '../../scripts/lib/project.mjs';

function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: projectRoot,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine() {
  const cores = cpus();
  return {
    cpu: cores[0]?.model ?? 'unknown',
    cores: cores.length,
    memoryGiB: (totalmem() / 1024 ** 3).toFixed(1),
    os: `${platform()} ${release()}`,
    node: process.version,
    wrangler: packageVersion('wrangler'),
    autocannon: packageVersion('autocannon'),
    loadAverage: loadAverage(),
    commit: commit(),
    date: new Date().toISOString(),
  };
}
