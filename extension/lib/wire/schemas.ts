import schemas from 'virtual:wire-schemas';
import type { z } from 'zod';

import type { ConnectorStatus, ConnectorView, QuotaHistory } from '../../../shared/connector';
import type { EmailAddress } from '../../../shared/email';
import type { ApiError } from '../../../shared/errors';
import type { Enrolled, MemberList } from '../../../shared/members';
import type { Counts, MarkReadResult, Notification, NotificationPage } from '../../../shared/notifications';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import type { KeyCreated, KeyInfo, KeyList, StreamTicket } from '../../../shared/tenant';
import { type Checked, checkSchema, type JsonSchema } from './json-schema';

/**
 * The answers the extension checks, by the name of its shared zod schema (JSON Schema made at build
 * time; the stream's messages: ./stream.ts).
 */
export interface Wire {
  ApiError: ApiError;
  EmailAddress: EmailAddress;
  Counts: Counts;
  MarkReadResult: z.output<typeof MarkReadResult>;
  NotificationPage: NotificationPage;
  Settings: Settings;
  SettingsPatch: SettingsPatch;
  KeyInfo: KeyInfo;
  StreamTicket: StreamTicket;
  Notification: Notification;
  MemberList: z.output<typeof MemberList>;
  Enrolled: z.output<typeof Enrolled>;
  KeyCreated: z.output<typeof KeyCreated>;
  KeyList: z.output<typeof KeyList>;
  ConnectorView: z.output<typeof ConnectorView>;
  ConnectorStatus: z.output<typeof ConnectorStatus>;
  QuotaHistory: z.output<typeof QuotaHistory>;
  /** An empty answer (204): nothing to check. */
  NoContent: undefined;
}
export type WireName = keyof Wire;
/** The answers only the options read: their schemas are in ./options-schemas.ts, out of the popup. */
export type OptionsWireName =
  | 'EmailAddress'
  | 'Settings'
  | 'SettingsPatch'
  | 'MemberList'
  | 'Enrolled'
  | 'KeyCreated'
  | 'KeyList'
  | 'ConnectorView'
  | 'ConnectorStatus';
/** The answers only the background reads: their schemas are in ./stream.ts, out of the pages. */
export type BackgroundWireName = 'MarkReadResult' | 'StreamTicket' | 'Notification';
/** The answers the popup reads too. */
export type PageWireName = Exclude<WireName, OptionsWireName | BackgroundWireName>;

export function wireSchema(name: PageWireName): JsonSchema {
  return (schemas as Record<PageWireName, JsonSchema>)[name];
}

/** The value, typed, when it matches the shared schema; else what is wrong with it. */
export function checkWire<N extends PageWireName>(name: N, value: unknown): Checked<Wire[N]> {
  return checkSchema<Wire[N]>(wireSchema(name), value);
}
