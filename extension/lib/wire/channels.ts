import schemas from 'virtual:wire-schemas/channels';

import type {
  Channel,
  ChannelList,
  ChannelTestResult,
  ChannelWithSecret,
  DeliveryList,
} from '../../../shared/channels';
import { type Checked, checkSchema } from './json-schema';

/** The answers of /v1/channels, which only the options' Channels section (loaded on demand) reads. */
export interface ChannelWire {
  Channel: Channel;
  ChannelWithSecret: ChannelWithSecret;
  ChannelList: ChannelList;
  ChannelTestResult: ChannelTestResult;
  DeliveryList: DeliveryList;
}
export type ChannelWireName = keyof ChannelWire;

export function checkChannelWire<N extends ChannelWireName>(
  name: N,
  value: unknown,
): Checked<ChannelWire[N]> {
  return checkSchema<ChannelWire[N]>(schemas[name], value);
}
