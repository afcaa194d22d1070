import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

import type { Notification } from '../../../shared/notifications';
import { renderEmail } from '../../../worker/outbound';
import { firstTypeCount, notificationMessage, SAMPLES, summaryMessage } from './fixtures';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&amp;';

describe('e-mail messages', () => {
  it('escape notification data in the HTML: no element or attribute comes from it', () => {
    const data = {
      ...SAMPLES.campaign_failure.data,
      campaign: { id: 1, name: HOSTILE },
      error: { message: `x\n${HOSTILE}` },
    };
    const n = { ...SAMPLES.campaign_failure, data } as Notification;
    const email = renderEmail(notificationMessage(n, { channelName: HOSTILE }));
    expect(email.html).not.toContain('<script');
    expect(email.html).not.toContain('<img');
    const { document } = parseHTML(email.html);
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
    expect(document.querySelector('h1')!.textContent).toBe(`Campaign “${HOSTILE}” failed`);
    // Only the acknowledge link and Marketo's become anchors.
    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://notifier.example.com/a/v1.token.mac',
      'https://app-ab12.marketo.com/#SC1001A1',
    ]);
    expect(email.text).toContain(`Campaign: ${HOSTILE}`);
  });

  it('keep the subject on one line, the title with its severity', () => {
    const data = {
      ...SAMPLES.campaign_failure.data,
      campaign: { id: 1, name: 'A\r\nBcc: victim@example.com' },
    };
    const email = renderEmail(notificationMessage({ ...SAMPLES.campaign_failure, data } as Notification));
    expect(email.subject).toBe('Critical: Campaign “A Bcc: victim@example.com” failed');
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('write text and HTML with the facts and both links', () => {
    const email = renderEmail(notificationMessage(SAMPLES.marketo_email, { language: 'de' }));
    expect(email.subject).toBe('Hinweis: E-Mail von Marketo');
    expect(email.text).toContain('Auszug: Line one\nLine two');
    expect(email.html).toContain('Line one<br>Line two');
    expect(email.text).toContain('Ich kümmere mich / Erledigt: https://notifier.example.com/a/v1.token.mac');
  });

  it('list a digest by type with its notifications', () => {
    const email = renderEmail(summaryMessage('digest', 60));
    expect(email.subject).toBe('Daily digest: 60 new notifications');
    expect(email.text).toContain(`Campaign failures: ${firstTypeCount(60)}`);
    expect(email.text).toContain('And 10 more, not listed here');
    const { document } = parseHTML(email.html);
    expect(document.querySelectorAll('ul li a')).toHaveLength(50);
  });
});
