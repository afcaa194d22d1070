// Acknowledged or resolved through a channel's acknowledge link: the row says "Anna (via Slack)",
// in every language, with the channel's own name; without `via` it names the member alone.
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';

import { LANGUAGES } from '../../extension/lib/i18n';
import { TriageLine } from '../../extension/lib/ui/Triage';
import type { Notification } from '../../shared/notifications';
import { campaignFailure } from './fixtures';
import { translator } from './translators';

const NOW = Date.parse('2026-11-22T10:05:00Z');
const at = '2026-11-22T10:01:00Z';

function line(notification: Notification, lang: (typeof LANGUAGES)[number] = 'en'): string {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const root = document.getElementById('root')!;
  render(
    <TriageLine notification={notification} tr={translator(lang)} now={NOW} />,
    root as unknown as Element,
  );
  return root.textContent ?? '';
}

const with_ = (change: Partial<Notification>) =>
  ({ ...campaignFailure('n1', at), ...change }) as Notification;

describe('who is on it, through a channel', () => {
  it('names the channel after the member', () => {
    expect(line(with_({ ack: { member: 'Anna', at, via: 'slack' } }))).toMatch(
      /^Anna \(via Slack\) is on it, /,
    );
    expect(line(with_({ resolved: { member: 'Bo', at, via: 'teams' } }))).toMatch(
      /^Resolved by Bo \(via Microsoft Teams\), /,
    );
    expect(line(with_({ ack: { member: 'Anna', at } }))).toMatch(/^Anna is on it, /);
  });

  it('in every language, with the member and a channel name', () => {
    for (const lang of LANGUAGES) {
      const text = line(with_({ ack: { member: 'Anna', at, via: 'email' } }), lang);
      expect(text, lang).toContain('Anna');
      expect(text, lang).toContain(translator(lang).t('channel.email'));
    }
  });
});
