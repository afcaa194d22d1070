// Build step of the extension: the shared zod schemas of what the worker answers, turned into
// JSON Schema when the extension is built (and when its tests run). The extension checks answers
// against them with extension/lib/wire/json-schema.ts, so zod itself never ships in it.
import { z } from 'zod';
import { ConnectorStatus, ConnectorView, QuotaHistory } from '../../shared/connector';
import { EmailAddress } from '../../shared/email';
import { Enrolled, MemberList } from '../../shared/members';
import { ApiError } from '../../shared/errors';
import { Counts, MarkReadResult, Notification, NotificationPage, StreamMessage } from '../../shared/notifications';
import { Settings, SettingsPatch } from '../../shared/settings';
import { KeyCreated, KeyInfo, KeyList, StreamTicket } from '../../shared/tenant';

const SCHEMAS = {
  ApiError, EmailAddress, Counts, MarkReadResult, NotificationPage, Settings, SettingsPatch, KeyInfo, StreamTicket, StreamMessage,
  Notification, MemberList, Enrolled, KeyCreated, KeyList, ConnectorView, ConnectorStatus, QuotaHistory,
};

/**
 * As zod parses: `io: 'input'` keeps z.object open to fields it does not name (zod drops them,
 * where the output form would refuse them), and z.strictObject closed.
 */
export function wireSchemas(): Record<string, unknown> {
  const schemas = Object.entries(SCHEMAS).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'input' })]);
  // A 204 has no body to check: any value passes.
  return Object.fromEntries([...schemas, ['NoContent', {}]]);
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
