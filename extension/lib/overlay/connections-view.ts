import { storage } from '#imports';

import { buildDefaultConnections, type Connection } from '../state/storage';

/**
 * The connections as the overlay reads them: the same stored list as `connectionsItem`, without
 * its migration, which would double the content script's storage code. The background starts
 * first after an update and migrates; a v2 value not migrated yet reads as no connection until
 * then, and the watch brings the list once it is written.
 */
export const connectionsView = /* @__PURE__ */ storage.defineItem<unknown>('local:connection', {
  // Written out so that a build without them drops the code that makes the default (the minifier sees "").
  fallback:
    import.meta.env.WXT_WORKER_URL && import.meta.env.WXT_READ_KEY
      ? buildDefaultConnections(import.meta.env)
      : [],
});

export const asConnections = (value: unknown): Connection[] =>
  Array.isArray(value) ? (value as Connection[]) : [];
