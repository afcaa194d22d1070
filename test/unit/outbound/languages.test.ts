import { describe, expect, it } from 'vitest';

import { LANGUAGES } from '../../../shared/languages';
import { NOTIFICATION_CATALOGS } from '../../../shared/notification-text/catalogs';
import {
  type OutboundMessage,
  renderAckPage,
  renderEmail,
  renderSlack,
  renderTeams,
  renderWebhookBody,
} from '../../../worker/outbound';
import { OUTBOUND_CATALOGS } from '../../../worker/outbound/catalog';
import { placeholders, untranslated } from '../../translation-checks';
import { message, notificationMessage, NOW, SAMPLES, summaryMessage } from './fixtures';

const english = OUTBOUND_CATALOGS.en;
const keys = Object.keys(english).sort();
const forms = (text: unknown): Record<string, string> =>
  typeof text === 'string' ? { text } : (text as Record<string, string>);

/** Every kind of message: each type as a notification, reopened and escalated, a digest, a summary, a test. */
function everyMessage(language: (typeof LANGUAGES)[number]): [string, OutboundMessage][] {
  const samples = Object.values(SAMPLES);
  return [
    ...samples.map((n): [string, OutboundMessage] => [
      `notification ${n.type}`,
      notificationMessage(n, { language, repeats: 2 }),
    ]),
    ['reopened', notificationMessage(SAMPLES.crm_sync, { language, webhookType: 'notification.reopened' })],
    [
      'escalation',
      message('escalation', {
        language,
        notification: { ...SAMPLES.facebook, ackUrl: 'https://w.example/a/t' },
      }),
    ],
    ['digest', summaryMessage('digest', 75, { language })],
    ['summary', summaryMessage('summary', 3, { language })],
    ['test', message('test', { language })],
  ];
}

describe('outbound messages in the 12 languages', () => {
  it.each(LANGUAGES)(
    '%s has every outbound string, translated, with the placeholders of English',
    (language) => {
      const catalog = OUTBOUND_CATALOGS[language] as Record<string, unknown>;
      expect(Object.keys(catalog).sort()).toEqual(keys);
      for (const key of keys) {
        const reference = english[key as keyof typeof english];
        const text = catalog[key];
        expect(typeof text, key).toBe(typeof reference);
        for (const form of Object.values(forms(text))) {
          expect(form.trim(), key).not.toBe('');
          expect(placeholders(form), `${language} ${key}`).toEqual(
            placeholders(forms(reference).other ?? forms(reference).text!),
          );
          if (language !== 'en')
            expect(untranslated(form, Object.values(forms(reference))), `${language} ${key}`).toBe(false);
        }
      }
    },
  );

  it.each(LANGUAGES)('%s gives exactly the plural forms its language has', (language) => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const [key, value] of Object.entries(OUTBOUND_CATALOGS[language])) {
      if (typeof value === 'string') continue;
      const given = Object.keys(value);
      expect(given, `${language} ${key}`).toContain('other');
      for (const form of given) expect(categories, `${language} ${key} ${form}`).toContain(form);
      if (categories.includes('one')) expect(given, `${language} ${key}`).toContain('one');
    }
  });

  it.each(LANGUAGES)(
    '%s renders every message kind on every channel with no missing or unfilled string',
    (language) => {
      for (const [name, m] of everyMessage(language)) {
        const rendered = [
          JSON.stringify(renderSlack(m)),
          JSON.stringify(renderTeams(m)),
          renderWebhookBody(m, NOW),
          JSON.stringify(renderEmail(m)),
        ];
        for (const text of rendered) {
          expect(text, `${language} ${name}`).not.toMatch(
            /\{(count|channel|crm|problem|campaign|stream|member|time)\}|undefined/,
          );
        }
        // The severity and type names come from the shared catalog of that language.
        if (m.notification) {
          const catalog = NOTIFICATION_CATALOGS[language];
          expect(rendered[0], `${language} ${name}`).toContain(catalog[`type.${m.notification.type}`]);
        }
      }
    },
  );

  it.each(LANGUAGES)('%s draws the acknowledge page in every state', (language) => {
    for (const state of ['open', 'done', 'expired', 'invalid'] as const) {
      const page = renderAckPage({ language, state, notification: SAMPLES.campaign_failure });
      expect(page.body).toContain(`<html lang="${language}">`);
      expect(page.body).not.toMatch(/\{\w+\}|undefined/);
    }
  });

  it('says the same thing in another language than English', () => {
    const en = renderSlack(summaryMessage('digest', 75));
    const ja = renderSlack(summaryMessage('digest', 75, { language: 'ja' }));
    expect(en.text).toBe('Daily digest: 75 new notifications');
    expect(ja.text).toBe('日次ダイジェスト：新しい通知 75 件');
  });
});
