import type { ChannelCreate, ChannelPatch } from '../../../shared/channels';
import { answer, type ApiOptions, call, connect } from '../connection/page-api';
import type { Endpoint } from '../state/storage';
import { type ChannelWireName, checkChannelWire } from '../wire/channels';

const channelAnswer =
  <N extends ChannelWireName>(name: N) =>
  (body: unknown) =>
    checkChannelWire(name, body);

/**
 * The tenant's outbound channels (admin keys only; a channel's URL is sent, never answered), for the
 * options' Channels section only: a module of its own, loaded with that section, so that neither the
 * popup nor the options' first load carries these calls or their schemas.
 */
export function createChannelsApi(connection: Endpoint | null, options: ApiOptions = {}) {
  const reach = connect(connection, options);
  if (!reach.ok) return reach;
  const { send } = reach.value;
  const channel = (id: string) => `/v1/channels/${encodeURIComponent(id)}`;
  const value = {
    channels: () => call(() => send('GET', '/v1/channels'), channelAnswer('ChannelList')),
    createChannel: (body: ChannelCreate) =>
      call(() => send('POST', '/v1/channels', body), channelAnswer('ChannelWithSecret')),
    updateChannel: (id: string, patch: ChannelPatch) =>
      call(() => send('PATCH', channel(id), patch), channelAnswer('Channel')),
    removeChannel: (id: string) => call(() => send('DELETE', channel(id)), answer('NoContent')),
    testChannel: (id: string) =>
      call(() => send('POST', `${channel(id)}/test`), channelAnswer('ChannelTestResult')),
    rotateChannelSecret: (id: string) =>
      call(() => send('POST', `${channel(id)}/rotate-secret`), channelAnswer('ChannelWithSecret')),
    deliveries: (id: string, limit = 10) =>
      call(() => send('GET', `${channel(id)}/deliveries?limit=${limit}`), channelAnswer('DeliveryList')),
  };
  return { ok: true as const, value };
}
