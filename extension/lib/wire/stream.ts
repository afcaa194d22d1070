import schemas from 'virtual:wire-schemas/stream';
import type { StreamMessage } from '../../../shared/notifications';
import { checkSchema, type Checked } from './json-schema';

/** A WebSocket message from the worker, checked against the shared StreamMessage schema (only the background reads them). */
export function checkStreamMessage(value: unknown): Checked<StreamMessage> {
  return checkSchema<StreamMessage>(schemas.StreamMessage, value);
}
