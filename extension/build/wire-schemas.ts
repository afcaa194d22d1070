// Build step of the extension: the shared zod schemas of what the worker answers, turned into
// JSON Schema when the extension is built (and when its tests run). The extension checks answers
// against them with extension/lib/wire/json-schema.ts, so zod itself never ships in it.
import { z } from 'zod';
import { EmailAddress } from '../../shared/email';
import { ApiError } from '../../shared/errors';
import { Counts, MarkReadResult, NotificationPage, StreamMessage } from '../../shared/notifications';
import { Settings, SettingsPatch } from '../../shared/settings';
import { KeyInfo, StreamTicket } from '../../shared/tenant';

const SCHEMAS = { ApiError, EmailAddress, Counts, MarkReadResult, NotificationPage, Settings, SettingsPatch, KeyInfo, StreamTicket, StreamMessage };

/**
 * As zod parses: `io: 'input'` keeps z.object open to fields it does not name (zod drops them,
 * where the output form would refuse them), and z.strictObject closed.
 */
export function wireSchemas(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'input' })]));
}

const ID = 'virtual:wire-schemas';

/** A Vite plugin: `import schemas from 'virtual:wire-schemas'` gives the JSON Schemas above. */
export function wireSchemasPlugin() {
  return {
    name: 'marketo-notifier-wire-schemas',
    resolveId: (id: string) => (id === ID ? `\0${ID}` : undefined),
    load: (id: string) => (id === `\0${ID}` ? `export default ${JSON.stringify(wireSchemas())};` : undefined),
  };
}
