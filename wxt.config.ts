import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

import { PURE_SCHEMA_BUILDER, pureSharedSchemas } from './extension/build/pure-schemas';
import { storeManifestHooks } from './extension/build/store-package';
import { wireSchemasPlugin } from './extension/build/wire-schemas';
import { originPattern } from './extension/lib/connection/connection-url';
import { CATALOGS, MANIFEST_MESSAGES } from './extension/lib/i18n/catalogs';
import { catalogPath } from './extension/lib/i18n/path';
import { MARKETO_MATCHES } from './extension/lib/notification/marketo-link';
import { GECKO_ID, MANIFEST_KEY } from './extension/manifest-key';
import { LANGUAGES, localeFolder } from './shared/languages';

/** What the options may ask for at run time: the configured worker's origin, among these. */
const WORKER_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];
/** A build preconfigured with a worker (`npm start`, the tests) has its origin from the start. */
const buildEnv = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const builtInOrigin = buildEnv.WXT_WORKER_URL ? originPattern(buildEnv.WXT_WORKER_URL) : null;

const TOOLBAR_ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' };

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  vite: () => ({
    // The answers' schemas as JSON Schema (no zod in the extension); unused shared schemas dropped.
    plugins: [preact(), wireSchemasPlugin(), pureSharedSchemas()],
    build: {
      rollupOptions: { treeshake: { manualPureFunctions: [PURE_SCHEMA_BUILDER] } },
      // Extension pages run in browsers that preload modules themselves (Chrome 66, Firefox 115).
      modulePreload: { polyfill: false },
    },
  }),
  hooks: {
    // `npm run zip`: the Chrome package goes to the store without the manifest `key`.
    ...storeManifestHooks(),
    // One file per language, so each context loads only the active language's catalog; and the
    // manifest's name and description where the browser reads them, from each language's folder.
    'build:publicAssets': (_wxt, files) => {
      for (const lang of LANGUAGES) {
        files.push({ relativeDest: catalogPath(lang), contents: JSON.stringify(CATALOGS[lang]) });
        const messages = `${JSON.stringify(MANIFEST_MESSAGES[lang], null, 2)}\n`;
        files.push({ relativeDest: `_locales/${localeFolder(lang)}/messages.json`, contents: messages });
      }
    },
    'prepare:publicPaths': (_wxt, paths) => {
      for (const lang of LANGUAGES) paths.push(catalogPath(lang));
    },
  },
  manifest: ({ browser }) => ({
    // Name and description in the browser's language: _locales/<folder>/messages.json, written by
    // the build from extension/lib/i18n/locales/<lang>/manifest.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    // The toolbar button's icon (browser_action in Firefox's MV2 build); `icons` come from public/icon.
    [browser === 'firefox' ? 'browser_action' : 'action']: { default_icon: TOOLBAR_ICONS },
    // The Marketo UI (the overlay, and its tabs for toasts) and a preconfigured worker's origin; the
    // options ask for a configured worker's origin at run time.
    host_permissions: [...MARKETO_MATCHES, ...(builtInOrigin ? [builtInOrigin] : [])],
    ...(browser === 'firefox'
      ? { optional_permissions: WORKER_ORIGINS }
      : { optional_host_permissions: WORKER_ORIGINS }),
    // The overlay reads its language's catalog from the package.
    web_accessible_resources: [{ resources: LANGUAGES.map(catalogPath), matches: MARKETO_MATCHES }],
    ...(browser === 'firefox'
      ? // Firefox reads policy for `storage.managed` from policies.json (3rdparty), named by this id.
        {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // Sent to the worker: the key (as a bearer token) and the member name typed at enrolment.
              data_collection_permissions: { required: ['authenticationInfo', 'personallyIdentifyingInfo'] },
            },
          },
        }
      : {
          // A fixed id, so that policy can name the extension (left out of the store package); and
          // what policy may set (storage.managed).
          key: MANIFEST_KEY,
          storage: { managed_schema: 'managed_schema.json' },
          // Only to prefill the name at enrolment with the profile's e-mail, and only if the person agrees.
          optional_permissions: ['identity', 'identity.email'],
        }),
  }),
});
