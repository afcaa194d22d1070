// Checks the browsers of the end-to-end tests against their minimum versions
// (scripts/lib/browser-versions.ts). `--outdated` prints the Debian packages to install or
// upgrade, one a line, and always succeeds; without it, prints what it found and fails when a
// browser is missing or older than its minimum.
import { BROWSERS, checkBrowser } from './lib/browser-versions.ts';

const outdatedOnly = process.argv.includes('--outdated');
let failed = false;
for (const [pkg, browser] of Object.entries(BROWSERS)) {
  const result = await checkBrowser(browser);
  if (outdatedOnly) {
    if (result.state !== 'ok') console.log(pkg);
    continue;
  }
  if (result.state === 'ok') console.log(`found ${result.message}`);
  else {
    console.error(`error: ${result.message}`);
    failed = true;
  }
}
if (failed) process.exit(1);
