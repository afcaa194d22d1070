import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

import type { Notification } from '../../../shared/notifications';
import { renderAckPage } from '../../../worker/outbound';
import { SAMPLES } from './fixtures';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";

describe('the acknowledge page', () => {
  it('shows the notification, a name field and the two buttons, posting to the same address, without script', () => {
    const page = renderAckPage({ language: 'en', state: 'open', notification: SAMPLES.campaign_failure });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CSP);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    const { document } = parseHTML(page.body);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(page.body).not.toMatch(/\son\w+=/i);
    expect(document.querySelector('h1')!.textContent).toBe('Campaign “Welcome & <Onboarding>” failed');
    const form = document.querySelector('form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.hasAttribute('action')).toBe(false);
    const name = form.querySelector('input[name=name]')!;
    expect(name.getAttribute('maxlength')).toBe('80');
    expect(name.getAttribute('minlength')).toBe('1');
    expect(document.querySelector(`label[for=${name.getAttribute('id')}]`)!.textContent).toBe('Your name');
    const buttons = [...form.querySelectorAll('button')].map((b) => [
      b.getAttribute('name'),
      b.getAttribute('value'),
      b.textContent,
    ]);
    expect(buttons).toEqual([
      ['action', 'ack', 'I’m on it'],
      ['action', 'resolve', 'Resolve'],
    ]);
  });

  it('is in the tenant language', () => {
    const page = renderAckPage({ language: 'fr', state: 'open', notification: SAMPLES.facebook });
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('Votre nom');
    expect(page.body).toContain('Je m’en occupe');
  });

  it('says who is on it after a POST, and offers no form once resolved', () => {
    const acked = {
      ...SAMPLES.facebook,
      ack: { member: 'Anna\u202e', at: '2026-12-07T10:00:00.000Z' },
    } as Notification;
    const page = renderAckPage({ language: 'en', state: 'done', notification: acked });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Thank you: your team sees it now.');
    expect(page.body).toContain('Anna is on it, Dec 7, 2026, 10:00 AM UTC');
    expect(page.body).toContain('<form');
    const resolved = {
      ...acked,
      resolved: { member: 'Ben', at: '2026-12-07T11:00:00.000Z' },
    } as Notification;
    const after = renderAckPage({ language: 'en', state: 'done', notification: resolved });
    expect(after.body).toContain('Resolved by Ben');
    expect(after.body).not.toContain('<form');
  });

  it('answers 410 for an expired link and 404 for an invalid one, as pages', () => {
    const expired = renderAckPage({ language: 'de', state: 'expired' });
    expect(expired.status).toBe(410);
    expect(expired.body).toContain('Dieser Link ist abgelaufen');
    expect(expired.headers['content-security-policy']).toBe(CSP);
    const invalid = renderAckPage({ language: 'en', state: 'invalid' });
    expect(invalid.status).toBe(404);
    expect(invalid.body).toContain('This link is not valid.');
    expect(invalid.body).not.toContain('<form');
  });

  it('shows a refused name again with its error, escaped, as 400', () => {
    const page = renderAckPage({
      language: 'en',
      state: 'open',
      notification: SAMPLES.facebook,
      name: '"><b>x',
      nameInvalid: true,
    });
    expect(page.status).toBe(400);
    expect(page.body).toContain('value="&quot;&gt;&lt;b&gt;x"');
    expect(page.body).toContain('Enter your name (1 to 80 characters).');
  });
});
