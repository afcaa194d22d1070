import type { ChannelKind } from './channels';

/**
 * Where a channel may post: each kind's hosts, https on port 443 only, never an IP literal,
 * `localhost`, a single-label host or userinfo (people type these URLs: no way into the worker's
 * own network). The worker var OUTBOUND_DEV_HOSTS (comma-separated loopback `host:port`, empty
 * in production) allows http to those for every kind: local runs and tests.
 */
export type ChannelUrlProblem =
  | 'invalid_url'
  | 'userinfo'
  | 'ip_literal'
  | 'localhost'
  | 'single_label'
  | 'port'
  | 'https_required'
  | 'host_not_allowed';

export type ChannelUrlCheck = { ok: true; url: string } | { ok: false; problem: ChannelUrlProblem };

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** The loopback `host:port` entries of OUTBOUND_DEV_HOSTS; anything else in it is ignored. */
export function devHosts(value: string | undefined): Set<string> {
  const hosts = (value ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => {
      const match = /^(.+):(\d{1,5})$/.exec(h);
      return match !== null && isLoopbackHost(match[1]!);
    });
  return new Set(hosts);
}

const KIND_HOSTS: Record<Exclude<ChannelKind, 'email'>, (hostname: string) => boolean> = {
  slack: (h) => h === 'hooks.slack.com',
  // Workflows URLs: *.environment.api.powerplatform.com, formerly *.logic.azure.com.
  teams: (h) => h.endsWith('.powerplatform.com') || h.endsWith('.logic.azure.com'),
  webhook: () => true,
};

/** The URL as it will be stored, or what is wrong with it for this kind. */
export function checkChannelUrl(
  kind: Exclude<ChannelKind, 'email'>,
  input: string,
  devHostsVar: string | undefined,
): ChannelUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: 'invalid_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'invalid_url' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'userinfo' };
  url.hash = '';
  const hostname = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (devHosts(devHostsVar).has(`${hostname}:${port}`)) return { ok: true, url: url.href };
  if (hostname.startsWith('[') || IPV4.test(hostname)) return { ok: false, problem: 'ip_literal' };
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return { ok: false, problem: 'localhost' };
  const labels = hostname.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0)) return { ok: false, problem: 'single_label' };
  if (url.protocol !== 'https:') return { ok: false, problem: 'https_required' };
  if (port !== '443') return { ok: false, problem: 'port' };
  if (!KIND_HOSTS[kind](hostname)) return { ok: false, problem: 'host_not_allowed' };
  return { ok: true, url: url.href };
}

/** How an answer shows a URL: scheme and host, `…` and the last 4 characters. */
export function channelTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}…${url.slice(-4)}`;
}
