import schemas from 'virtual:wire-schemas/io-events';
import type { z } from 'zod';

import type { IoEventsCreated, IoEventsDeleted, IoEventsState } from '../../../shared/io-events';
import { type Checked, checkSchema } from './json-schema';

/** The answers of /v1/io-events (Marketo's streams), which only the options page reads. */
export interface IoWire {
  IoEventsCreated: IoEventsCreated;
  IoEventsState: IoEventsState;
  IoEventsDeleted: z.output<typeof IoEventsDeleted>;
}
export type IoWireName = keyof IoWire;

export function checkIoWire<N extends IoWireName>(name: N, value: unknown): Checked<IoWire[N]> {
  return checkSchema<IoWire[N]>(schemas[name], value);
}
