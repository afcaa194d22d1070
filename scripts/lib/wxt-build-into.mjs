// Builds the extension into the directory given as the first argument, for the browser given
// as the second (default chrome). WXT's CLI has no out-dir flag; its build() takes the same config inline.
import { build } from 'wxt';

const [outDir, browser = 'chrome'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node scripts/lib/wxt-build-into.mjs <out-dir> [chrome|firefox]');
  process.exit(2);
}
await build({ outDir, browser });
