// `npm run lint:firefox`: Mozilla's addons-linter on the Firefox build (`npm run build` first, or
// give a directory). Fails on any error and on any warning from our own code.
import { join } from 'node:path';

import { describeLint, lintFirefoxBuild } from './lib/firefox-lint.mjs';
import { projectRoot } from './lib/project.mjs';

const dir = process.argv[2] ?? join(projectRoot, '.output/firefox-mv2');
const result = await lintFirefoxBuild(dir);
console.log(describeLint(result));
if (result.errors.length > 0 || result.ownWarnings.length > 0) process.exit(1);
