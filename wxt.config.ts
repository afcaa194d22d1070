import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { GECKO_ID, MANIFEST_KEY } from './extension/manifest-key';

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
    ...(browser === 'firefox'
      ? // Firefox reads policy for `storage.managed` from policies.json (3rdparty), named by this id.
        { browser_specific_settings: { gecko: { id: GECKO_ID, data_collection_permissions: { required: ['none'] } } } }
      : {
          // A fixed id, so that policy can name the extension; and what policy may set (storage.managed).
          key: MANIFEST_KEY,
          storage: { managed_schema: 'managed_schema.json' },
          // Only to prefill the name at enrolment with the profile's e-mail, and only if the person agrees.
          optional_permissions: ['identity', 'identity.email'],
        }),
  }),
});
