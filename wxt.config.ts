import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    // Name and description in the browser's language: public/_locales/<lang>/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    // Any worker URL the user configures, plus the Marketo UI for the overlay.
    host_permissions: ['<all_urls>'],
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'marketo-notifier@marketo-notifier.dev', data_collection_permissions: { required: ['none'] } } } } : {}),
  }),
});
