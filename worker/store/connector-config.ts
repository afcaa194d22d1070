import { z } from 'zod';

import { readMeta, writeMeta } from './meta';

const CONFIG_KEY = 'connector';

/** The connector as stored: the client secret only sealed (secret-box.ts). */
export const StoredConnector = z.object({
  restUrl: z.string(),
  clientId: z.string(),
  sealedSecret: z.string().nullable(),
  enabled: z.boolean(),
  pollMinutes: z.int(),
  campaignsEveryMinutes: z.int(),
  maxDailyCalls: z.int(),
});
export type StoredConnector = z.infer<typeof StoredConnector>;

/** The stored connector, or null when none is set (or what is stored no longer reads back). */
export function loadConnector(sql: SqlStorage): StoredConnector | null {
  const text = readMeta(sql, CONFIG_KEY);
  if (text === null) return null;
  const parsed = StoredConnector.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

export function saveConnector(sql: SqlStorage, connector: StoredConnector): StoredConnector {
  const valid = StoredConnector.parse(connector);
  writeMeta(sql, CONFIG_KEY, JSON.stringify(valid));
  return valid;
}

export function deleteConnector(sql: SqlStorage): void {
  sql.exec('DELETE FROM meta WHERE key = ?', CONFIG_KEY);
}
