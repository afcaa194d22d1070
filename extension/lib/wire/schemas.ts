import schemas from 'virtual:wire-schemas';
import type { z } from 'zod';
import type { ConnectorStatus, ConnectorView, QuotaHistory } from '../../../shared/connector';
import type { EmailAddress } from '../../../shared/email';
import type { Enrolled, MemberList } from '../../../shared/members';
import type { ApiError } from '../../../shared/errors';
import type { Counts, MarkReadResult, Notification, NotificationPage } from '../../../shared/notifications';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import type { KeyCreated, KeyInfo, KeyList, StreamTicket } from '../../../shared/tenant';
import { checkSchema, type Checked, type JsonSchema } from './json-schema';

/**
 * The answers the extension checks, by the name of its shared zod schema (JSON Schema made at
 * build time). These ones every part reads; the options' own are in ./admin-schemas.ts, the
 * background's own and the stream's messages in ./stream.ts.
 */
export interface ReadWire {
  ApiError: ApiError;
  Counts: Counts;
  NotificationPage: NotificationPage;
  KeyInfo: KeyInfo;
  QuotaHistory: z.output<typeof QuotaHistory>;
  /** An empty answer (204): nothing to check. */
  NoContent: undefined;
}

/** The answers only the background reads (./stream.ts). */
export interface BackgroundWire {
  MarkReadResult: z.output<typeof MarkReadResult>;
  StreamTicket: StreamTicket;
  Notification: Notification;
}

/** The answers only the options read. */
export interface AdminWire {
  EmailAddress: EmailAddress;
  Settings: Settings;
  SettingsPatch: SettingsPatch;
  MemberList: z.output<typeof MemberList>;
  Enrolled: z.output<typeof Enrolled>;
  KeyCreated: z.output<typeof KeyCreated>;
  KeyList: z.output<typeof KeyList>;
  ConnectorView: z.output<typeof ConnectorView>;
  ConnectorStatus: z.output<typeof ConnectorStatus>;
}
export type Wire = ReadWire & AdminWire & BackgroundWire;
export type BackgroundWireName = keyof BackgroundWire;
export type WireName = keyof ReadWire;
export type AdminWireName = keyof AdminWire;

export function wireSchema(name: WireName): JsonSchema {
  return (schemas as Record<WireName, JsonSchema>)[name];
}

/** The value, typed, when it matches the shared schema; else what is wrong with it. */
export function checkWire<N extends WireName>(name: N, value: unknown): Checked<ReadWire[N]> {
  return checkSchema<ReadWire[N]>(wireSchema(name), value);
}
