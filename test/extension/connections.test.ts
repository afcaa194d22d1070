import { describe, expect, it } from 'vitest';

import { connectionsForPage, munchkinOfPage } from '../../extension/lib/overlay/instance-match';
import {
  checkedLabel,
  connectionIssue,
  moved,
  originStillUsed,
  withConnection,
} from '../../extension/lib/state/connection-rules';
import { MAX_CONNECTIONS } from '../../extension/lib/state/connections';
import type { Connection } from '../../extension/lib/state/storage';

const W1 = 'https://notifier.example.workers.dev';
const W2 = 'https://other.example.workers.dev';
const prod: Connection = {
  id: 'prod',
  label: 'Production',
  workerUrl: W1,
  key: 'mn_p',
  tenant: '123-ABC-456',
};
const sandbox: Connection = {
  id: 'sandbox',
  label: 'Sandbox',
  workerUrl: W1,
  key: 'mn_s',
  tenant: '789-DEF-012',
  marketoHost: 'app-sj02.marketo.com',
};
const client: Connection = {
  id: 'client',
  label: 'Client',
  workerUrl: W2,
  key: 'mn_c',
  tenant: '345-GHI-678',
};

describe('a list of connections', () => {
  it('adds one at the end and edits one in place', () => {
    const added = withConnection([prod], sandbox);
    expect(added).toEqual({ ok: true, list: [prod, sandbox] });
    const edited = withConnection([prod, sandbox], { ...prod, label: '  Live  ', workerUrl: `${W1}/` });
    expect(edited.ok && edited.list).toEqual([{ ...prod, label: 'Live' }, sandbox]);
  });

  it('refuses an 11th connection, a label of 0 or more than 40 characters, and a bad URL, changing nothing', () => {
    const ten = Array.from({ length: MAX_CONNECTIONS }, (_, i) => ({
      ...prod,
      id: `c${i}`,
      tenant: `${100 + i}-ABC-456`,
    }));
    expect(withConnection(ten, { ...client, id: 'new' })).toEqual({ ok: false, issue: 'tooMany' });
    // Editing one of the ten is still fine.
    expect(withConnection(ten, { ...ten[3]!, label: 'Renamed' }).ok).toBe(true);
    expect(connectionIssue([prod], { ...client, label: '   ' })).toBe('label');
    expect(connectionIssue([prod], { ...client, label: 'x'.repeat(41) })).toBe('label');
    expect(connectionIssue([prod], { ...client, label: 'x'.repeat(40) })).toBeNull();
    expect(connectionIssue([prod], { ...client, workerUrl: 'http://notifier.example.com' })).toBe('bad_url');
    expect(checkedLabel('é'.repeat(40))).toBe('é'.repeat(40));
  });

  it('refuses a second connection to the same worker and tenant, once the tenant is known', () => {
    expect(
      connectionIssue([prod, sandbox], {
        ...client,
        id: 'again',
        workerUrl: `${W1}/`,
        tenant: '123-ABC-456',
      }),
    ).toBe('duplicate');
    // Same tenant on another worker, or the tenant not known yet: not the same instance.
    expect(connectionIssue([prod], { ...client, id: 'again', tenant: '123-ABC-456' })).toBeNull();
    const { tenant: _unknown, ...untested } = { ...prod, id: 'again' };
    expect(connectionIssue([prod], untested)).toBeNull();
  });

  it('moves a connection and tells whether its origin is still used by another', () => {
    expect(moved([prod, sandbox, client], 'client', -1).map((c) => c.id)).toEqual([
      'prod',
      'client',
      'sandbox',
    ]);
    expect(moved([prod, sandbox, client], 'prod', -1).map((c) => c.id)).toEqual([
      'prod',
      'sandbox',
      'client',
    ]);
    expect(originStillUsed([prod, sandbox, client], 'prod', W1)).toBe(true);
    expect(originStillUsed([prod, sandbox, client], 'client', W2)).toBe(false);
  });
});

describe("the page's Marketo instance", () => {
  const all = [prod, sandbox, client];
  const experience = (hash: string) => `https://experience.adobe.com/${hash}`;

  it('reads the Munchkin ID from an Experience Cloud address', () => {
    expect(
      munchkinOfPage(experience('#/@acme/so:789-DEF-012/marketo-engage/classic/MarketingActivities')),
    ).toBe('789-DEF-012');
    expect(munchkinOfPage(experience('#/@acme/so:789-def-012/marketo-engage'))).toBe('789-DEF-012');
    expect(munchkinOfPage(experience('#/@acme/so:789-DEF-0123/marketo-engage'))).toBeNull();
    expect(munchkinOfPage(experience('#/@acme/home'))).toBeNull();
    expect(munchkinOfPage('https://evil.example/#/@acme/so:789-DEF-012/marketo-engage')).toBeNull();
    expect(munchkinOfPage('not a url')).toBeNull();
  });

  it('shows the connection of the tenant the address names, following hash changes', () => {
    const first = connectionsForPage(all, experience('#/@acme/so:789-DEF-012/marketo-engage/classic'));
    expect(first).toEqual({ connections: [sandbox], matched: true });
    // The person switches instance in Experience Cloud: only the hash changes.
    const second = connectionsForPage(all, experience('#/@acme/so:123-ABC-456/marketo-engage/classic'));
    expect(second).toEqual({ connections: [prod], matched: true });
  });

  it('knows app-* and engage-* hosts by the Marketo host a connection names', () => {
    expect(connectionsForPage(all, 'https://app-sj02.marketo.com/#SC1042A1')).toEqual({
      connections: [sandbox],
      matched: true,
    });
    expect(connectionsForPage(all, 'https://APP-SJ02.marketo.com/')).toEqual({
      connections: [sandbox],
      matched: true,
    });
    expect(
      connectionsForPage(
        [...all, { ...client, marketoHost: 'engage-ab12.marketo.com' }],
        'https://engage-ab12.marketo.com/',
      ).connections.map((c) => c.id),
    ).toEqual(['client']);
  });

  it('shows every connection where nothing matches', () => {
    expect(connectionsForPage(all, 'https://app-zz99.marketo.com/')).toEqual({
      connections: all,
      matched: false,
    });
    expect(connectionsForPage(all, experience('#/@acme/so:999-ZZZ-999/marketo-engage'))).toEqual({
      connections: all,
      matched: false,
    });
    expect(connectionsForPage(all, experience('#/@acme/marketo-engage'))).toEqual({
      connections: all,
      matched: false,
    });
  });
});
