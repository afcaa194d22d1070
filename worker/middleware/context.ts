import type { Context } from 'hono';

import type { KeyRecord } from '../keys/store';

/** Who is calling: the root token, or a key of one tenant with one role. */
export type Principal = { kind: 'root' } | { kind: 'key'; key: KeyRecord };

export interface AppEnv {
  Bindings: Env;
  Variables: {
    principal: Principal;
    /** The body as parsed by `readBody` (JSON value or nested form object). */
    body: unknown;
  };
}

export type AppContext = Context<AppEnv>;
