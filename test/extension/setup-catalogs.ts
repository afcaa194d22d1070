import { CATALOGS } from '../../extension/lib/i18n/catalogs';
import { isLanguage } from '../../shared/languages';

/**
 * The built extension carries `i18n/<lang>.json` (see wxt.config.ts); here the package is the
 * source tree, so the same JSON is answered from the catalogs. Any other fetch goes through.
 */
const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  const lang = /^[a-z-]+-extension:\/\/[^/]+\/i18n\/([A-Za-z-]+)\.json$/.exec(url)?.[1];
  if (lang && isLanguage(lang))
    return new Response(JSON.stringify(CATALOGS[lang]), { headers: { 'content-type': 'application/json' } });
  return realFetch(input, init);
}) as typeof fetch;
