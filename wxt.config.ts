import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { LANGUAGES } from './shared/languages';
import { CATALOGS } from './extension/lib/i18n/catalogs';
import { catalogPath } from './extension/lib/i18n/path';
import { MARKETO_MATCHES } from './extension/lib/marketo-link';

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
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
    // Any worker URL the user configures, plus the Marketo UI for the overlay.
    host_permissions: ['<all_urls>'],
    // The overlay reads its language's catalog from the package.
    web_accessible_resources: [{ resources: LANGUAGES.map(catalogPath), matches: MARKETO_MATCHES }],
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'marketo-notifier@marketo-notifier.dev', data_collection_permissions: { required: ['none'] } } } } : {}),
  }),
});
