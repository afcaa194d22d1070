/** Small key/value facts of the tenant (settings document, tenant id). */
export function readMeta(sql: SqlStorage, key: string): string | null {
  const row = sql.exec<{ value: string }>('SELECT value FROM meta WHERE key = ?', key).toArray()[0];
  return row?.value ?? null;
}

export function writeMeta(sql: SqlStorage, key: string, value: string): void {
  sql.exec(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    key,
    value,
  );
}

const TENANT_ID_KEY = 'tenant_id';

/** The object is named by the tenant id; kept in storage too in case the name is not exposed. */
export function tenantIdOf(id: DurableObjectId, sql: SqlStorage): string {
  const name = id.name;
  if (name !== undefined) {
    if (readMeta(sql, TENANT_ID_KEY) !== name) writeMeta(sql, TENANT_ID_KEY, name);
    return name;
  }
  return readMeta(sql, TENANT_ID_KEY) ?? id.toString();
}
