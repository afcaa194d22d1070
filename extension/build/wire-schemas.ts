// Build step of the extension: the shared zod schemas of what the worker answers, turned into
// JSON Schema when the extension is built (and when its tests run). The extension checks answers
// against them with extension/lib/wire/json-schema.ts, so zod itself never ships in it.
import { z } from 'zod';

import {
  Channel,
  ChannelList,
  ChannelTestResult,
  ChannelWithSecret,
  DeliveryList,
} from '../../shared/channels';
import { ConnectorStatus, ConnectorView, QuotaHistory } from '../../shared/connector';
import { EmailAddress } from '../../shared/email';
import { ApiError } from '../../shared/errors';
import { IoEventsCreated, IoEventsDeleted, IoEventsState } from '../../shared/io-events';
import { Enrolled, MemberList } from '../../shared/members';
import {
  Counts,
  MarkReadResult,
  Notification,
  NotificationPage,
  StreamMessage,
} from '../../shared/notifications';
import { Settings, SettingsPatch } from '../../shared/settings';
import { KeyCreated, KeyInfo, KeyList, StreamTicket } from '../../shared/tenant';

/** The HTTP answers the popup reads too (and the options and the background). */
const PAGE_ANSWERS = { ApiError, Counts, NotificationPage, KeyInfo, QuotaHistory };

/** The answers only the options read (and the full client): a module of their own keeps them out of the popup. */
const OPTIONS_ANSWERS = {
  EmailAddress,
  Settings,
  SettingsPatch,
  MemberList,
  Enrolled,
  KeyCreated,
  KeyList,
  ConnectorView,
  ConnectorStatus,
};

/** The outbound channels (the options' lazily loaded Channels section): out of the options' first load. */
const CHANNELS = { Channel, ChannelWithSecret, ChannelList, ChannelTestResult, DeliveryList };

/** Marketo's streams (the options page only): a module of their own keeps them out of the popup. */
const IO_EVENTS = { IoEventsCreated, IoEventsState, IoEventsDeleted };

/**
 * The WebSocket's messages and the answers only the background reads (stream tickets, marking read,
 * the team's actions; `BackgroundWireName`): a module of their own keeps them out of the pages.
 */
const STREAM = { StreamMessage, Notification, StreamTicket, MarkReadResult };

/**
 * As zod parses: `io: 'input'` keeps z.object open to fields it does not name (zod drops them,
 * where the output form would refuse them), and z.strictObject closed. `$schema` goes: nothing reads it.
 */
function toJsonSchemas(schemas: Record<string, z.ZodType>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input' });
      return [name, json];
    }),
  );
}

/** The answers' JSON Schemas the popup reads too; a 204 has no body to check: any value passes. */
export function wireSchemas(): Record<string, unknown> {
  return { ...toJsonSchemas(PAGE_ANSWERS), NoContent: {} };
}

export function optionsWireSchemas(): Record<string, unknown> {
  return toJsonSchemas(OPTIONS_ANSWERS);
}

export function streamSchemas(): Record<string, unknown> {
  return toJsonSchemas(STREAM);
}

export function ioEventsSchemas(): Record<string, unknown> {
  return toJsonSchemas(IO_EVENTS);
}

export function channelSchemas(): Record<string, unknown> {
  return toJsonSchemas(CHANNELS);
}

const MODULES: Record<string, () => Record<string, unknown>> = {
  'virtual:wire-schemas': wireSchemas,
  'virtual:wire-schemas/options': optionsWireSchemas,
  'virtual:wire-schemas/stream': streamSchemas,
  'virtual:wire-schemas/io-events': ioEventsSchemas,
  'virtual:wire-schemas/channels': channelSchemas,
};

/**
 * A Vite plugin: `import schemas from 'virtual:wire-schemas'` (or `…/options`, `…/stream`) gives the
 * JSON Schemas above.
 */
export function wireSchemasPlugin() {
  return {
    name: 'marketo-notifier-wire-schemas',
    resolveId: (id: string) => (id in MODULES ? `\0${id}` : undefined),
    load: (id: string) => {
      const make = id.startsWith('\0') ? MODULES[id.slice(1)] : undefined;
      return make ? `export default ${JSON.stringify(make())};` : undefined;
    },
  };
}
