// Builds the Chrome extension into the directory given as the first argument
// (WXT's CLI has no out-dir flag; its build() takes the same config inline).
import { build } from 'wxt';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node scripts/lib/wxt-build-into.mjs <out-dir>');
  process.exit(2);
}
await build({ outDir });
