import { env } from 'cloudflare:workers';
import { MarketoEvent, type MarketoEventInput } from '../../shared/events';
import { NotificationPage, type FeedQuery } from '../../shared/notifications';

export const TENANT = env.TENANT;
let tenants = 0;
export const newTenant = () => TENANT.getByName(`core-${++tenants}-${crypto.randomUUID()}`);
export const events = (...inputs: MarketoEventInput[]) => inputs.map((i) => MarketoEvent.parse(i));
export const query = (q: Partial<FeedQuery> = {}): FeedQuery => ({ status: 'unread', limit: 50, ...q });
export const NOW = Date.parse('2026-05-05T15:00:00Z');
/** The member whose read state these tests use (test/worker/members.test.ts has several). */
export const MEMBER = 'anna';

export const campaignFailure = (campaignId: number, code: number, extra: Partial<MarketoEventInput> = {}) =>
  ({ type: 'campaign_failure', campaign: { id: campaignId, name: `C${campaignId}` }, error: { code, message: 'failed' }, ...extra }) as MarketoEventInput;

/** The storage, counting the result rows that reach JavaScript. */
export function countingRows(sql: SqlStorage) {
  let rows = 0;
  const counted = (cursor: SqlStorageCursor<Record<string, SqlStorageValue>>) => {
    const proxy: typeof cursor = new Proxy(cursor, {
      get(target, prop) {
        if (prop === 'toArray') return () => { const all = target.toArray(); rows += all.length; return all; };
        if (prop === 'one') return () => { rows += 1; return target.one(); };
        if (prop === 'next') return () => { const r = target.next(); if (!r.done) rows += 1; return r; };
        if (prop === 'raw') return () => { const all = [...target.raw()]; rows += all.length; return all[Symbol.iterator](); };
        if (prop === Symbol.iterator) return () => proxy;
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return proxy;
  };
  const wrapped = new Proxy(sql, {
    get(target, prop) {
      if (prop === 'exec') return (query: string, ...bindings: SqlStorageValue[]) => counted(target.exec(query, ...bindings));
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { sql: wrapped, rows: () => rows };
}

export async function page(stub: ReturnType<typeof newTenant>, q: Partial<FeedQuery> = {}) {
  return NotificationPage.parse(await stub.list(MEMBER, query(q)));
}
