// Build step of the extension: the Chrome Web Store refuses a package whose manifest has a `key`
// (the store gives a listing its own id). The unpacked build keeps the key, so that unpacked and
// policy installs keep the fixed id; only the zip made from it leaves the key out.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

interface ZipContext {
  config: { outDir: string };
}

/**
 * WXT hooks: `zip:extension:start` writes the manifest without `key`, `zip:extension:done` puts
 * back the manifest as it was built.
 */
export function storeManifestHooks() {
  let built: string | null = null;
  const manifestPath = (wxt: ZipContext) => join(wxt.config.outDir, 'manifest.json');
  return {
    'zip:extension:start': async (wxt: ZipContext) => {
      const text = await readFile(manifestPath(wxt), 'utf8');
      const { key, ...manifest } = JSON.parse(text) as Record<string, unknown>;
      if (key === undefined) return;
      built = text;
      await writeFile(manifestPath(wxt), JSON.stringify(manifest));
    },
    'zip:extension:done': async (wxt: ZipContext) => {
      if (built === null) return;
      await writeFile(manifestPath(wxt), built);
      built = null;
    },
  };
}
