import type { CampaignFacts } from '../domain/connector-facts';

interface Row {
  id: number;
  name: string;
  type: string;
  is_active: number;
  status: string | null;
  url: string | null;
  [key: string]: SqlStorageValue;
}

/** The campaigns as the last run saw them; empty before the first run. */
export function loadBaseline(sql: SqlStorage): Map<number, CampaignFacts> {
  const rows = sql.exec<Row>('SELECT * FROM campaign_baseline').toArray();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name: r.name, type: r.type, isActive: r.is_active === 1, status: r.status, url: r.url },
    ]),
  );
}

export function hasBaseline(sql: SqlStorage): boolean {
  return sql.exec('SELECT 1 FROM meta WHERE key = ?', 'campaign_baseline_at').toArray().length > 0;
}

/** Replaces the baseline with this run's campaigns (the caller makes it one transaction). */
export function saveBaseline(sql: SqlStorage, campaigns: readonly CampaignFacts[], atMs: number): void {
  sql.exec('DELETE FROM campaign_baseline');
  for (const c of campaigns) {
    sql.exec(
      'INSERT OR REPLACE INTO campaign_baseline (id, name, type, is_active, status, url) VALUES (?, ?, ?, ?, ?, ?)',
      c.id,
      c.name,
      c.type,
      c.isActive ? 1 : 0,
      c.status,
      c.url,
    );
  }
  sql.exec(
    `INSERT INTO meta (key, value) VALUES ('campaign_baseline_at', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    String(atMs),
  );
}

export function deleteBaseline(sql: SqlStorage): void {
  sql.exec('DELETE FROM campaign_baseline');
  sql.exec("DELETE FROM meta WHERE key = 'campaign_baseline_at'");
}
