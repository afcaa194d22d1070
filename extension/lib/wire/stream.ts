import schemas from 'virtual:wire-schemas/stream';

import type { StreamMessage } from '../../../shared/notifications';
import { type Checked, checkSchema } from './json-schema';
import type { BackgroundWireName, Wire } from './schemas';

/**
 * A WebSocket message from the worker, checked against the shared StreamMessage schema (only the
 * background reads them).
 */
export function checkStreamMessage(value: unknown): Checked<StreamMessage> {
  return checkSchema<StreamMessage>(schemas.StreamMessage, value);
}

/** An answer only the background reads (a ticket, a mark-read count, a notification after a team action). */
export function checkBackgroundWire<N extends BackgroundWireName>(name: N, value: unknown): Checked<Wire[N]> {
  return checkSchema<Wire[N]>(schemas[name], value);
}
