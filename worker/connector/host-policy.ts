/** Where the connector may call: the worker var MARKETO_HOSTS (comma-separated host patterns). */
export const DEFAULT_MARKETO_HOSTS = '*.mktorest.com';

export type RestUrlCheck =
  | { ok: true; restUrl: string }
  | { ok: false; reason: 'invalid_url' | 'host_not_allowed' | 'https_required' };

interface HostPattern {
  /** `*.` prefix: one or more labels before the rest. */
  wildcard: boolean;
  host: string;
  /** The one port the pattern allows: the one it names, else 443. */
  port: string;
}

/** A pattern without a port allows https's own port only: `x.mktorest.com:1` is another service. */
const DEFAULT_PORT = '443';

export function parseHostPatterns(value: string | undefined): HostPattern[] {
  return (value ?? DEFAULT_MARKETO_HOSTS)
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p.length > 0)
    .map((p) => {
      const wildcard = p.startsWith('*.');
      const rest = wildcard ? p.slice(2) : p;
      const portMatch = /^(.*):(\d{1,5})$/.exec(rest);
      if (portMatch) return { wildcard, host: portMatch[1]!, port: portMatch[2]! };
      return { wildcard, host: rest, port: DEFAULT_PORT };
    });
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

function matches(pattern: HostPattern, hostname: string, port: string): boolean {
  if (pattern.port !== port) return false;
  return pattern.wildcard ? hostname.endsWith(`.${pattern.host}`) : hostname === pattern.host;
}

/**
 * The REST endpoint as the connector stores it (origin only; Admin > Web Services shows it with a
 * trailing /rest, which is dropped). https only, except a loopback host MARKETO_HOSTS names itself.
 * The port must be one a pattern names (443 for a pattern without one): the simulated Marketo of local
 * runs is named as host:port, and `https://x.mktorest.com:1` is host_not_allowed.
 */
export function checkRestUrl(input: string, patternsVar: string | undefined): RestUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'invalid_url' };
  }
  const pathOk = /^\/?(rest\/?)?$/.test(url.pathname);
  if (url.username || url.password || url.search || url.hash || !pathOk)
    return { ok: false, reason: 'invalid_url' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'invalid_url' };
  const hostname = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const patterns = parseHostPatterns(patternsVar);
  const matched = patterns.filter((p) => matches(p, hostname, port));
  // http:// to a listed host: what is wrong is the scheme.
  const httpsWouldDo =
    url.protocol === 'http:' && url.port === '' && patterns.some((p) => matches(p, hostname, DEFAULT_PORT));
  if (matched.length === 0) {
    return { ok: false, reason: httpsWouldDo ? 'https_required' : 'host_not_allowed' };
  }
  if (url.protocol === 'http:' && !(isLoopback(hostname) && matched.some((p) => !p.wildcard)))
    return { ok: false, reason: 'https_required' };
  return { ok: true, restUrl: url.origin };
}
