import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Marketo Notifier',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['<all_urls>'],
  },
});
