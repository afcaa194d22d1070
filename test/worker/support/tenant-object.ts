// The tenant Durable Object reached directly through its binding (no route in between).
import { env } from 'cloudflare:workers';

import { type FeedQuery, NotificationPage } from '../../../shared/notifications';
import { MEMBER } from './members';

export const TENANT = env.TENANT;
let tenants = 0;
/** A tenant object of its own for each test (named by `prefix`, a counter and a UUID: never shared). */
export const newTenant = (prefix = 'core') =>
  TENANT.getByName(`${prefix}-${++tenants}-${crypto.randomUUID()}`);
export type TenantStub = ReturnType<typeof newTenant>;
export const query = (q: Partial<FeedQuery> = {}): FeedQuery => ({ status: 'unread', limit: 50, ...q });
export const NOW = Date.parse('2026-05-05T15:00:00Z');

/** The storage, counting the result rows that reach JavaScript. */
export function countingRows(sql: SqlStorage) {
  let rows = 0;
  const counted = (cursor: SqlStorageCursor<Record<string, SqlStorageValue>>) => {
    const proxy: typeof cursor = new Proxy(cursor, {
      get(target, prop) {
        if (prop === 'toArray')
          return () => {
            const all = target.toArray();
            rows += all.length;
            return all;
          };
        if (prop === 'one')
          return () => {
            rows += 1;
            return target.one();
          };
        if (prop === 'next')
          return () => {
            const r = target.next();
            if (!r.done) rows += 1;
            return r;
          };
        if (prop === 'raw')
          return () => {
            const all = [...target.raw()];
            rows += all.length;
            return all[Symbol.iterator]();
          };
        if (prop === Symbol.iterator) return () => proxy;
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return proxy;
  };
  const wrapped = new Proxy(sql, {
    get(target, prop) {
      if (prop === 'exec')
        return (query: string, ...bindings: SqlStorageValue[]) => counted(target.exec(query, ...bindings));
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { sql: wrapped, rows: () => rows };
}

export async function page(stub: TenantStub, q: Partial<FeedQuery> = {}) {
  return NotificationPage.parse(await stub.list(MEMBER, query(q)));
}
