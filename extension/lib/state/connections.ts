import type { Connection, Endpoint } from './storage';

/** The most connections the extension keeps (each has its own stream). */
export const MAX_CONNECTIONS = 10;
/** A connection's label: 1..40 characters. */
export const LABEL_MAX = 40;

/** A fresh connection id (random: ids are never reused for another connection). */
export function newConnectionId(): string {
  return crypto.randomUUID().slice(0, 12);
}

/** A label made from the worker's host, for a connection that had none (migration, build default). */
export function labelFromUrl(workerUrl: string): string {
  let host = workerUrl;
  try {
    host = new URL(workerUrl).host;
  } catch {
    // Not a URL: its own text, cut to size.
  }
  return host.slice(0, LABEL_MAX) || 'Marketo';
}

/**
 * Storage version 1 (the v2 extension): one connection `{workerUrl, key, member?}` or null.
 * Version 2: a list; the one connection becomes its only entry, with its key and member, the
 * shared preferences (no own ones) and its kept feed page (kept by worker, key and status).
 */
export function migrateConnectionV1(stored: unknown): Connection[] {
  if (typeof stored !== 'object' || stored === null) return [];
  if (Array.isArray(stored)) return stored as Connection[];
  const old = stored as Partial<Endpoint>;
  if (typeof old.workerUrl !== 'string' || typeof old.key !== 'string') return [];
  return [
    {
      id: newConnectionId(),
      label: labelFromUrl(old.workerUrl),
      workerUrl: old.workerUrl,
      key: old.key,
      ...(typeof old.member === 'string' ? { member: old.member } : {}),
    },
  ];
}
