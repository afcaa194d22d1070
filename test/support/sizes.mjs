// Gzipped sizes of what ships: the extension's entry points and the worker bundle.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

import { projectEnv, projectRoot } from '../../scripts/lib/project.mjs';

async function gzippedSize(file) {
  return gzipSync(await readFile(file), { level: 9 }).length;
}

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
}

/** The JS a page loads: its module script plus the chunks it preloads. */
async function pageScripts(extDir, htmlName) {
  const html = await readFile(join(extDir, htmlName), 'utf8');
  const refs = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g),
  ].map((m) => m[1]);
  return [...new Set(refs)].map((ref) => join(extDir, ref));
}

async function entrySize(name, files, extDir) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    raw += (await readFile(file)).length;
    gzip += await gzippedSize(file);
  }
  return { name, files: files.map((f) => relative(extDir, f)), raw, gzip };
}

/** Per entry point, the JS it loads (shared chunks count for every page that loads them). */
export async function extensionSizes(extDir) {
  const all = await filesUnder(extDir);
  const contentScripts = all.filter((f) => f.includes('/content-scripts/') && f.endsWith('.js'));
  const entries = [
    await entrySize('popup', await pageScripts(extDir, 'popup.html'), extDir),
    await entrySize('background', [join(extDir, 'background.js')], extDir),
    await entrySize('content script', contentScripts, extDir),
    await entrySize('options', await pageScripts(extDir, 'options.html'), extDir),
  ];
  const jsFiles = [];
  for (const file of all.filter((f) => f.endsWith('.js')).sort()) {
    jsFiles.push({
      file: relative(extDir, file),
      raw: (await readFile(file)).length,
      gzip: await gzippedSize(file),
    });
  }
  return { entries, jsFiles };
}

function run(args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(projectEnv.nodeBinary, args, {
      cwd,
      env: projectEnv.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`exit ${code}: ${output.slice(-2000)}`)),
    );
  });
}

/** `wrangler deploy --dry-run --outdir`: the production bundle, built offline. */
export async function workerBundleSize(outDir) {
  await run(
    [join(projectRoot, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', outDir],
    projectRoot,
  );
  const files = (await filesUnder(outDir)).filter((f) => /\.(m?js)$/.test(f));
  return entrySize('worker bundle', files, outDir);
}
