import { openSecret, sealSecret } from '../connector/secret-box';
import type { ChannelRow } from '../store/channels';

/**
 * A channel's URL and signing secrets at rest: sealed like the connector's client secret, with the
 * tenant, the channel and the field as additional data, so a sealed value opens only in its place.
 */
const place = (tenant: string, channelId: string, field: 'url' | 'secret') =>
  `${tenant}/channel/${channelId}/${field}`;

export const sealChannelUrl = (url: string, key: string, tenant: string, channelId: string) =>
  sealSecret(url, key, place(tenant, channelId, 'url'));
export const sealChannelSecret = (secret: string, key: string, tenant: string, channelId: string) =>
  sealSecret(secret, key, place(tenant, channelId, 'secret'));

export async function openChannelUrl(
  row: ChannelRow,
  key: string | undefined,
  tenant: string,
): Promise<string | null> {
  if (row.sealed_url === null || key === undefined) return null;
  return openSecret(row.sealed_url, key, place(tenant, row.id, 'url'));
}

/** The secrets that sign now, newest first: the old one too within 24 h of a rotation. */
export async function openSigningSecrets(
  row: ChannelRow,
  key: string | undefined,
  tenant: string,
  nowMs: number,
): Promise<string[]> {
  if (key === undefined) return [];
  const sealed = [
    row.sealed_secret,
    row.old_secret_until !== null && row.old_secret_until > nowMs ? row.sealed_old_secret : null,
  ];
  const opened = await Promise.all(
    sealed.map((s) => (s === null ? null : openSecret(s, key, place(tenant, row.id, 'secret')))),
  );
  return opened.filter((s): s is string => s !== null);
}
