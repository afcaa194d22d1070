import { describe, expect, it } from 'vitest';

import { channelTarget, checkChannelUrl } from '../../../shared/channel-urls';
import { ChannelCreate, ChannelPatch } from '../../../shared/channels';
import { DEFAULT_SETTINGS, mergeSettings, SettingsPatch } from '../../../shared/settings';

const SLACK = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXabcd';
const DEV = '127.0.0.1:8791';

describe('channel URLs per kind', () => {
  it('accepts each kind on its own hosts', () => {
    expect(checkChannelUrl('slack', SLACK, '')).toEqual({ ok: true, url: SLACK });
    const flow =
      'https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=s3cr3t';
    expect(checkChannelUrl('teams', flow, '').ok).toBe(true);
    expect(
      checkChannelUrl('teams', 'https://default1.environment.api.powerplatform.com/powerautomate/x?sig=a', '')
        .ok,
    ).toBe(true);
    expect(checkChannelUrl('webhook', 'https://hooks.example.com/in', '')).toEqual({
      ok: true,
      url: 'https://hooks.example.com/in',
    });
  });

  it("refuses another kind's host", () => {
    expect(checkChannelUrl('slack', 'https://hooks.example.com/x', '')).toEqual({
      ok: false,
      problem: 'host_not_allowed',
    });
    expect(checkChannelUrl('slack', 'https://hooks.slack.com.evil.net/x', '')).toEqual({
      ok: false,
      problem: 'host_not_allowed',
    });
    expect(checkChannelUrl('teams', SLACK, '')).toEqual({ ok: false, problem: 'host_not_allowed' });
    expect(checkChannelUrl('teams', 'https://logic.azure.com/x', '')).toEqual({
      ok: false,
      problem: 'host_not_allowed',
    });
  });

  it('refuses IP literals, localhost, single labels, userinfo, other ports and http', () => {
    const cases: [string, string][] = [
      ['https://10.0.0.1/x', 'ip_literal'],
      ['https://0x7f000001/x', 'ip_literal'],
      ['https://[::1]/x', 'ip_literal'],
      ['https://localhost/x', 'localhost'],
      ['https://api.localhost/x', 'localhost'],
      ['https://intranet/x', 'single_label'],
      ['https://user:pw@hooks.example.com/x', 'userinfo'],
      ['https://a@hooks.example.com/x', 'userinfo'],
      ['https://hooks.example.com:8443/x', 'port'],
      ['http://hooks.example.com/x', 'https_required'],
      ['ftp://hooks.example.com/x', 'invalid_url'],
      ['not a url', 'invalid_url'],
    ];
    for (const [url, problem] of cases)
      expect(checkChannelUrl('webhook', url, ''), url).toEqual({ ok: false, problem });
    expect(checkChannelUrl('webhook', 'https://hooks.example.com:443/x', '').ok).toBe(true);
  });

  it('allows http to the loopback host:ports of OUTBOUND_DEV_HOSTS, for every kind, only', () => {
    for (const kind of ['slack', 'teams', 'webhook'] as const) {
      expect(checkChannelUrl(kind, 'http://127.0.0.1:8791/slack', DEV)).toEqual({
        ok: true,
        url: 'http://127.0.0.1:8791/slack',
      });
    }
    expect(checkChannelUrl('webhook', 'http://127.0.0.1:8792/x', DEV)).toEqual({
      ok: false,
      problem: 'ip_literal',
    });
    expect(checkChannelUrl('webhook', 'http://127.0.0.1:8791/x', '')).toEqual({
      ok: false,
      problem: 'ip_literal',
    });
    // A non-loopback entry in the variable opens nothing.
    expect(checkChannelUrl('webhook', 'http://10.0.0.1:80/x', '10.0.0.1:80')).toEqual({
      ok: false,
      problem: 'ip_literal',
    });
  });

  it('shows a URL only as scheme, host, an ellipsis and the last 4 characters', () => {
    expect(channelTarget(SLACK)).toBe('https://hooks.slack.com…abcd');
  });
});

describe('channel input', () => {
  const ok = { kind: 'slack', name: 'Ops', url: SLACK };

  it('takes a full channel and the defaults it omits', () => {
    expect(ChannelCreate.safeParse(ok).success).toBe(true);
    const full = {
      ...ok,
      types: ['campaign_failure', 'crm_sync'],
      minSeverity: 'critical',
      quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Amsterdam' },
      mode: 'digest',
      digestAt: { time: '09:00', timeZone: 'America/Chicago' },
      escalation: true,
      enabled: false,
    };
    expect(ChannelCreate.safeParse(full).success).toBe(true);
  });

  it('refuses each bad field', () => {
    const bad: Record<string, unknown>[] = [
      { ...ok, kind: 'discord' },
      { ...ok, name: '' },
      { ...ok, name: 'x'.repeat(81) },
      { ...ok, name: 'two\nlines' },
      { ...ok, types: ['campaign_failure', 'nope'] },
      { ...ok, types: [] },
      { ...ok, minSeverity: 'fatal' },
      { ...ok, quietHours: { start: '24:00', end: '07:00', timeZone: 'UTC' } },
      { ...ok, quietHours: { start: '7:00', end: '07:00', timeZone: 'UTC' } },
      { ...ok, quietHours: { start: '22:00', end: '07:00', timeZone: 'Mars/Olympus_Mons' } },
      { ...ok, digestAt: { time: '09:60', timeZone: 'UTC' } },
      { ...ok, mode: 'weekly' },
      { ...ok, extra: 1 },
      { kind: 'slack', name: 'no url' },
      { kind: 'email', name: 'Mail', to: [] },
      { kind: 'email', name: 'Mail', to: Array.from({ length: 11 }, (_, i) => `p${i}@example.com`) },
      { kind: 'email', name: 'Mail', to: ['not-an-address'] },
      { kind: 'email', name: 'Mail', to: ['a@example.com'], url: SLACK },
      { ...ok, to: ['a@example.com'] },
    ];
    for (const input of bad)
      expect(ChannelCreate.safeParse(input).success, JSON.stringify(input)).toBe(false);
    expect(
      ChannelCreate.safeParse({ kind: 'email', name: 'Mail', to: ['a@example.com', 'b@example.org'] })
        .success,
    ).toBe(true);
  });

  it('patches what it names and never the kind', () => {
    expect(ChannelPatch.safeParse({ enabled: true }).success).toBe(true);
    expect(ChannelPatch.safeParse({ kind: 'teams' }).success).toBe(false);
    expect(ChannelPatch.safeParse({ quietHours: null }).success).toBe(true);
  });
});

describe('tenant settings: language and escalation', () => {
  it('defaults to English and no escalation', () => {
    expect(DEFAULT_SETTINGS.language).toBe('en');
    expect(DEFAULT_SETTINGS.escalation).toBeNull();
  });

  it('turns escalation on over its defaults, changes a part, and off again', () => {
    const on = mergeSettings(DEFAULT_SETTINGS, SettingsPatch.parse({ escalation: { afterMinutes: 10 } }));
    expect(on.escalation).toEqual({ afterMinutes: 10, minSeverity: 'critical' });
    const warning = mergeSettings(on, SettingsPatch.parse({ escalation: { minSeverity: 'warning' } }));
    expect(warning.escalation).toEqual({ afterMinutes: 10, minSeverity: 'warning' });
    expect(mergeSettings(warning, SettingsPatch.parse({ escalation: null })).escalation).toBeNull();
    expect(mergeSettings(warning, SettingsPatch.parse({ language: 'de' }))).toMatchObject({
      language: 'de',
      escalation: warning.escalation,
    });
  });

  it('refuses out-of-range escalation and unknown languages', () => {
    for (const escalation of [
      { afterMinutes: 0 },
      { afterMinutes: 1441 },
      { minSeverity: 'fatal' },
      { extra: 1 },
    ]) {
      expect(SettingsPatch.safeParse({ escalation }).success).toBe(false);
    }
    expect(SettingsPatch.safeParse({ language: 'xx' }).success).toBe(false);
  });
});
