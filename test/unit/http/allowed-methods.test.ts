import { describe, expect, it } from 'vitest';

import { allowedMethodsFinder } from '../../../worker/http/allowed-methods';

const find = allowedMethodsFinder([
  { method: 'ALL', path: '/v1/*' },
  { method: 'GET', path: '/v1/settings' },
  { method: 'PUT', path: '/v1/settings' },
  { method: 'PUT', path: '/v1/settings' },
  { method: 'POST', path: '/v1/tenants/:id/keys' },
  { method: 'DELETE', path: '/v1/tenants/:id/keys/:keyId' },
  { method: 'GET', path: '/v1/openapi.json' },
]);

describe('allowed methods of a path', () => {
  it('lists each method once, HEAD with GET', () => {
    expect(find('/v1/settings')).toEqual(['GET', 'HEAD', 'PUT']);
  });

  it('matches parameters within one segment only', () => {
    expect(find('/v1/tenants/123-ABC-456/keys')).toEqual(['POST']);
    expect(find('/v1/tenants/123-ABC-456/keys/key_1')).toEqual(['DELETE']);
    expect(find('/v1/tenants/a/b/keys')).toEqual([]);
  });

  it('takes a dot in a path literally and ignores middleware', () => {
    expect(find('/v1/openapi.json')).toEqual(['GET', 'HEAD']);
    expect(find('/v1/openapiXjson')).toEqual([]);
    expect(find('/v1/anything')).toEqual([]);
  });
});
