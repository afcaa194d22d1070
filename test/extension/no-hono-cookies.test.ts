// The stand-in for Hono's cookie serializer: only the client's own import is replaced, and the
// client still imports it from there (else the plugin would silently stop saving anything).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { withoutHonoCookies } from '../../extension/build/no-hono-cookies';

const CLIENT = '/project/node_modules/hono/dist/client/client.js';

describe("Hono's client without its cookie code", () => {
  const plugin = withoutHonoCookies();

  it("replaces the client's cookie import, and nothing else", () => {
    const standIn = plugin.resolveId('../utils/cookie.js', CLIENT);
    expect(standIn).toBeDefined();
    expect(plugin.load(standIn!)).toContain('export function serialize()');
    expect(plugin.resolveId('../utils/cookie.js', '/project/node_modules/hono/dist/helper/cookie/index.js')).toBeUndefined();
    expect(plugin.resolveId('./cookie.js', CLIENT)).toBeUndefined();
    expect(plugin.load('/project/extension/lib/connection/api-client.ts')).toBeUndefined();
  });

  it('matches how the installed hono client imports it', async () => {
    const client = await readFile(new URL('../../node_modules/hono/dist/client/client.js', import.meta.url), 'utf8');
    expect(client).toMatch(/import \{ serialize \} from "\.\.\/utils\/cookie\.js";/);
  });
});
