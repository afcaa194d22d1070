import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PURE_SCHEMA_BUILDER, pureSharedSchemas } from './extension/build/pure-schemas';
import { wireSchemasPlugin } from './extension/build/wire-schemas';
import { LANGUAGES } from './shared/languages';
import { CATALOGS } from './extension/lib/i18n/catalogs';
import { catalogPath } from './extension/lib/i18n/path';
import { MARKETO_MATCHES } from './extension/lib/marketo-link';

const TOOLBAR_ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' };

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  vite: () => ({
    // The answers' schemas as JSON Schema (no zod in the extension); unused shared schemas dropped.
    plugins: [preact(), wireSchemasPlugin(), pureSharedSchemas()],
    build: { rollupOptions: { treeshake: { manualPureFunctions: [PURE_SCHEMA_BUILDER] } } },
  }),
  hooks: {
    // One file per language, so each context loads only the active language's catalog.
    'build:publicAssets': (_wxt, files) => {
      for (const lang of LANGUAGES) files.push({ relativeDest: catalogPath(lang), contents: JSON.stringify(CATALOGS[lang]) });
    },
    'prepare:publicPaths': (_wxt, paths) => {
      for (const lang of LANGUAGES) paths.push(catalogPath(lang));
    },
  },
  manifest: ({ browser }) => ({
    // Name and description in the browser's language: public/_locales/<lang>/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    // The toolbar button's icon (browser_action in Firefox's MV2 build); `icons` come from public/icon.
    [browser === 'firefox' ? 'browser_action' : 'action']: { default_icon: TOOLBAR_ICONS },
    // Any worker URL the user configures, plus the Marketo UI for the overlay.
    host_permissions: ['<all_urls>'],
    // The overlay reads its language's catalog from the package.
    web_accessible_resources: [{ resources: LANGUAGES.map(catalogPath), matches: MARKETO_MATCHES }],
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'marketo-notifier@marketo-notifier.dev', data_collection_permissions: { required: ['none'] } } } } : {}),
  }),
});
