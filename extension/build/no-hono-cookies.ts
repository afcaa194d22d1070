// Build step of the extension: Hono's client imports its cookie serializer (about 0.7 KiB gzipped
// in the popup, the options and the background) for a `cookie` request option that the extension
// never passes (the worker reads a bearer key, never a cookie). The import gets a stand-in.
const STAND_IN = '\0marketo-notifier-no-hono-cookies';

/** Vite plugin: hono/dist/client's `../utils/cookie.js` resolves to a serializer that refuses. */
export function withoutHonoCookies() {
  return {
    name: 'marketo-notifier-no-hono-cookies',
    enforce: 'pre' as const,
    resolveId(id: string, importer?: string) {
      return id === '../utils/cookie.js' && importer && /[\\/]hono[\\/]dist[\\/]client[\\/]client\.js$/.test(importer) ? STAND_IN : undefined;
    },
    load(id: string) {
      return id === STAND_IN ? "export function serialize() { throw new Error('the extension sends no cookies'); }" : undefined;
    },
  };
}
