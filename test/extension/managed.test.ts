import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { snoozeUntil } from '../../extension/lib/notification/snooze-times';
import { memberNameOrNull } from '../../extension/lib/options/enrol';
import {
  connectionsUnderPolicy,
  connectionUnderPolicy,
  enrolmentPending,
  MANAGED_KEYS,
  managedConnections,
  parseManaged,
  pendingEnrolments,
} from '../../extension/lib/state/managed';
import { CHROMIUM_EXTENSION_ID, extensionIdFromKey, MANIFEST_KEY } from '../../extension/manifest-key';

const URL_A = 'https://notifier.example.workers.dev';

describe('managed configuration', () => {
  it('takes each valid policy value and drops only the invalid ones', () => {
    expect(
      parseManaged({ workerUrl: `${URL_A}/`, enrollKey: ' mn_abc ', lockConnection: true, language: 'fr' }),
    ).toEqual({
      workerUrl: URL_A,
      enrollKey: 'mn_abc',
      lockConnection: true,
      language: 'fr',
    });
    expect(
      parseManaged({ workerUrl: 'ftp://x', enrollKey: '', lockConnection: 'yes', language: 'xx', other: 1 }),
    ).toEqual({});
    expect(parseManaged({ workerUrl: URL_A, language: 'klingon' })).toEqual({ workerUrl: URL_A });
    expect(parseManaged(undefined)).toEqual({});
    expect(parseManaged('text')).toEqual({});
  });

  it("lets the organisation's worker URL win: a key kept for another URL is dropped", () => {
    const stored = { workerUrl: URL_A, key: 'mn_k', member: 'Anna' };
    expect(connectionUnderPolicy(stored, {})).toBe(stored);
    expect(connectionUnderPolicy(stored, { workerUrl: URL_A })).toEqual(stored);
    expect(connectionUnderPolicy({ ...stored, workerUrl: `${URL_A}/` }, { workerUrl: URL_A })).toEqual(
      stored,
    );
    expect(connectionUnderPolicy(stored, { workerUrl: 'https://other.example' })).toBeNull();
    expect(connectionUnderPolicy(null, { workerUrl: URL_A })).toBeNull();
  });

  it('asks for enrolment only with a URL and an enroll key from policy and no personal key', () => {
    const policy = { workerUrl: URL_A, enrollKey: 'mn_e' };
    const [single] = managedConnections(policy);
    expect(single).toMatchObject({ workerUrl: URL_A, enrollKey: 'mn_e', label: '' });
    expect(enrolmentPending([], policy)).toBe(true);
    expect(
      enrolmentPending(
        [{ id: single!.id, label: '123-ABC-456', workerUrl: URL_A, key: 'mn_personal', managed: true }],
        policy,
      ),
    ).toBe(false);
    expect(
      enrolmentPending(
        [{ id: 'mine', label: 'Old', workerUrl: 'https://old.example', key: 'mn_old' }],
        policy,
      ),
    ).toBe(true);
    expect(enrolmentPending([], { workerUrl: URL_A })).toBe(false);
    expect(enrolmentPending([], { enrollKey: 'mn_e' })).toBe(false);
  });

  it('reads `connections` entry by entry, and with it ignores the single fields', () => {
    const policy = parseManaged({
      workerUrl: 'https://single.example',
      enrollKey: 'mn_single',
      connections: [
        {
          label: ' Production ',
          workerUrl: `${URL_A}/`,
          enrollKey: 'mn_prod',
          marketoHost: 'APP-AB12.marketo.com',
        },
        { label: 'Sandbox', workerUrl: 'https://sandbox.example', enrollKey: 'mn_sand' },
        { label: '', workerUrl: URL_A, enrollKey: 'mn_x' },
        { label: 'x'.repeat(41), workerUrl: URL_A, enrollKey: 'mn_x' },
        { label: 'Bad URL', workerUrl: 'ftp://x', enrollKey: 'mn_x' },
        'text',
      ],
    });
    expect(policy.connections).toEqual([
      { label: 'Production', workerUrl: URL_A, enrollKey: 'mn_prod', marketoHost: 'app-ab12.marketo.com' },
      { label: 'Sandbox', workerUrl: 'https://sandbox.example', enrollKey: 'mn_sand' },
    ]);
    const managed = managedConnections(policy);
    expect(managed.map((m) => m.label)).toEqual(['Production', 'Sandbox']);
    expect(new Set(managed.map((m) => m.id)).size).toBe(2);
    // One joined already: only the other is pending; a managed connection the policy dropped goes.
    const joined = { id: managed[0]!.id, label: 'Production', workerUrl: URL_A, key: 'mn_p', managed: true };
    const dropped = { id: 'managed-gone', label: 'Old', workerUrl: URL_A, key: 'mn_o', managed: true };
    const own = { id: 'own', label: 'Client', workerUrl: 'https://client.example', key: 'mn_c' };
    expect(pendingEnrolments([joined], policy).map((m) => m.label)).toEqual(['Sandbox']);
    expect(connectionsUnderPolicy([joined, dropped, own], policy)).toEqual([joined, own]);
  });

  it('declares to the browser exactly the keys the extension reads, with their types', async () => {
    const schema = JSON.parse(
      await readFile(new URL('../../extension/public/managed_schema.json', import.meta.url), 'utf8'),
    );
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
    expect(schema.properties.lockConnection.type).toBe('boolean');
    for (const key of ['workerUrl', 'enrollKey', 'language'])
      expect(schema.properties[key].type).toBe('string');
  });

  it('fixes the Chromium extension id with the manifest key, and the README names that id', async () => {
    expect(await extensionIdFromKey(MANIFEST_KEY)).toBe(CHROMIUM_EXTENSION_ID);
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(CHROMIUM_EXTENSION_ID);
  });
});

describe('enrolment and snooze helpers', () => {
  it('takes a name the worker would take, trimmed', () => {
    expect(memberNameOrNull('  Anna Berg ')).toBe('Anna Berg');
    expect(memberNameOrNull('anna@example.com')).toBe('anna@example.com');
    for (const bad of ['', '   ', 'x'.repeat(81), 'a\nb', '\u0007']) expect(memberNameOrNull(bad)).toBeNull();
  });

  it('snoozes for an hour, until tomorrow 9:00 local time, or a week', () => {
    const now = new Date(2026, 4, 5, 22, 30);
    expect(snoozeUntil('hour', now).getTime()).toBe(now.getTime() + 3_600_000);
    expect(snoozeUntil('week', now).getTime()).toBe(now.getTime() + 7 * 86_400_000);
    const tomorrow = snoozeUntil('tomorrow', now);
    expect([
      tomorrow.getFullYear(),
      tomorrow.getMonth(),
      tomorrow.getDate(),
      tomorrow.getHours(),
      tomorrow.getMinutes(),
    ]).toEqual([2026, 4, 6, 9, 0]);
    // Just after midnight, "tomorrow" is still the next calendar day.
    const early = snoozeUntil('tomorrow', new Date(2026, 4, 6, 0, 10));
    expect(early.getDate()).toBe(7);
  });
});
