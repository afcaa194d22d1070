import { describe, expect, it } from 'vitest';

import type { Translator } from '../../extension/lib/i18n';
import {
  BADGE_COLORS,
  badgeText,
  computeBadge,
  countedUnread,
  worstCountedSeverity,
} from '../../extension/lib/notification/badge';
import type { BackgroundState, TypePrefs } from '../../extension/lib/state/storage';
import { counts, prefs } from './fixtures';
import { translator } from './translators';

const en = translator('en');
const live = (c: BackgroundState['counts']): BackgroundState => ({
  status: 'live',
  problem: null,
  counts: c,
  updatedAt: null,
});
const failing = (problem: NonNullable<BackgroundState['problem']>): BackgroundState => ({
  status: 'error',
  problem,
  counts: null,
  updatedAt: null,
});
/** The badge of one connection, as the extension with a single connection shows it. */
const one = (state: BackgroundState, p: TypePrefs, tr: Translator) =>
  computeBadge([{ label: 'Production', prefs: p, state }], tr);

describe('badge', () => {
  it('sums unread of the counted types only', () => {
    const c = counts(
      { campaign_failure: 3, engagement_exhausted: 2, trigger_campaign_cleanup: 4 },
      { critical: 3, warning: 2, info: 4 },
    );
    expect(countedUnread(c, prefs())).toBe(9);
    expect(countedUnread(c, prefs({ trigger_campaign_cleanup: { countInBadge: false } }))).toBe(5);
    expect(countedUnread(c, prefs({ campaign_failure: { show: false } }))).toBe(6);
  });

  it('caps the text at 99+ and is empty at zero', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
    const view = one(live(counts({ campaign_failure: 250 }, { critical: 250 })), prefs(), en);
    expect(view.text).toBe('99+');
    expect(one(live(counts({}, {})), prefs(), en).text).toBe('');
  });

  it('takes the colour of the worst unread severity among counted types', () => {
    const c = counts(
      { campaign_failure: 1, engagement_exhausted: 1, trigger_campaign_cleanup: 1 },
      { critical: 1, warning: 1, info: 1 },
    );
    expect(one(live(c), prefs(), en).color).toBe(BADGE_COLORS.critical);
    const noCampaigns = prefs({ campaign_failure: { countInBadge: false } });
    expect(worstCountedSeverity(c, noCampaigns)).toBe('warning');
    expect(one(live(c), noCampaigns, en).color).toBe(BADGE_COLORS.warning);
    const infoOnly = prefs({
      campaign_failure: { countInBadge: false },
      engagement_exhausted: { countInBadge: false },
    });
    expect(one(live(c), infoOnly, en).color).toBe(BADGE_COLORS.info);
  });

  it('uses the actual severity of types that can be critical or warning', () => {
    const quotaWarning = counts({ web_services_quota: 1 }, { warning: 1 });
    expect(worstCountedSeverity(quotaWarning, prefs())).toBe('warning');
    const quotaCritical = counts({ web_services_quota: 1 }, { critical: 1 });
    expect(worstCountedSeverity(quotaCritical, prefs())).toBe('critical');
  });

  it('uses the product colours: red, amber, blue, and grey for problems', () => {
    // Literal values: a wrong constant must fail here, not be compared with itself.
    expect(BADGE_COLORS).toEqual({
      critical: '#C5221F',
      warning: '#F29900',
      info: '#1A73E8',
      error: '#5F6368',
    });
    const c = counts({ campaign_failure: 1 }, { critical: 1 });
    expect(one(live(c), prefs(), en)).toMatchObject({ color: '#C5221F', textColor: '#FFFFFF' });
    expect(one(live(counts({ engagement_exhausted: 1 }, { warning: 1 })), prefs(), en)).toMatchObject({
      color: '#F29900',
      textColor: '#202124',
    });
  });

  it('shows a grey ! with the reason when the worker is unreachable or the key refused', () => {
    const refused = one(
      { status: 'error', problem: { kind: 'refused', status: 401 }, counts: null, updatedAt: null },
      prefs(),
      en,
    );
    expect(refused).toMatchObject({ text: '!', color: '#5F6368' });
    expect(refused.title).toContain('key was refused');
    const down = one(
      {
        status: 'error',
        problem: { kind: 'unreachable' },
        counts: counts({ facebook: 2 }, { critical: 2 }),
        updatedAt: null,
      },
      prefs(),
      translator('nl'),
    );
    expect(down.text).toBe('!');
    expect(down.title).toContain('niet bereikbaar');
  });

  it('says how many are unread in the tooltip, in the chosen language', () => {
    const view = one(live(counts({ facebook: 2 }, { critical: 2 })), prefs(), translator('sv'));
    expect(view.title).toBe('Marketo Notifier: 2 olästa aviseringar');
  });
});

describe('badge over several connections', () => {
  const production = counts({ campaign_failure: 2, engagement_exhausted: 1 }, { critical: 2, warning: 1 });
  const sandbox = counts({ engagement_exhausted: 4, trigger_campaign_cleanup: 3 }, { warning: 4, info: 3 });

  it('adds up the unread of each connection by its own badge choices, in the worst colour among them', () => {
    const view = computeBadge(
      [
        // Production does not count campaign failures: its 2 critical ones neither count nor colour.
        {
          label: 'Production',
          prefs: prefs({ campaign_failure: { countInBadge: false } }),
          state: live(production),
        },
        {
          label: 'Sandbox',
          prefs: prefs({ trigger_campaign_cleanup: { show: false } }),
          state: live(sandbox),
        },
      ],
      en,
    );
    expect(view.text).toBe('5');
    expect(view.color).toBe('#F29900');
    expect(view.title).toBe(
      'Marketo Notifier: 5 unread notifications\nProduction: 1 unread\nSandbox: 4 unread',
    );
    const critical = computeBadge(
      [
        { label: 'Production', prefs: prefs(), state: live(production) },
        { label: 'Sandbox', prefs: prefs(), state: live(sandbox) },
      ],
      en,
    );
    expect(critical).toMatchObject({ text: '10', color: '#C5221F' });
  });

  it('still counts the others when one connection fails, and names the failing one in the title', () => {
    const view = computeBadge(
      [
        { label: 'Production', prefs: prefs(), state: failing({ kind: 'refused', status: 401 }) },
        { label: 'Sandbox', prefs: prefs(), state: live(sandbox) },
      ],
      en,
    );
    expect(view).toMatchObject({ text: '7', color: '#F29900' });
    expect(view.title.split('\n')[1]).toMatch(/^Production: .*key was refused/);
    expect(view.title.split('\n')[2]).toBe('Sandbox: 7 unread');
  });

  it('shows the grey ! only when every connection fails', () => {
    const view = computeBadge(
      [
        { label: 'Production', prefs: prefs(), state: failing({ kind: 'refused', status: 401 }) },
        { label: 'Sandbox', prefs: prefs(), state: failing({ kind: 'unreachable' }) },
        {
          label: 'Not set up',
          prefs: prefs(),
          state: { status: 'unconfigured', problem: null, counts: null, updatedAt: null },
        },
      ],
      en,
    );
    expect(view).toMatchObject({ text: '!', color: '#5F6368' });
    expect(view.title.split('\n')[0]).toBe('Marketo Notifier: no connection works');
    expect(view.title).toContain('Sandbox: ');
  });

  it('asks to set up a connection when there is none', () => {
    expect(computeBadge([], en)).toMatchObject({
      text: '',
      title: 'Marketo Notifier: set up the connection in the options',
    });
  });
});
