import { describe, expect, it } from 'vitest';

import { decodeEntities } from '../../../shared/html-entities';
import { firstInteger, labelledValues } from '../../../worker/email/fields';
import { fold } from '../../../worker/email/fold';
import { htmlLinks, htmlToText } from '../../../worker/email/html-text';

describe('htmlToText', () => {
  it('keeps text and line structure, drops tags, scripts, styles, comments and the head', () => {
    const html =
      '<html><head><title>T</title><style>p{x:y}</style></head>' +
      '<body><h1>Title</h1><p>One <b>bold</b>&nbsp;word</p><!-- secret --><script>evil()</script>' +
      '<table><tr><td>A:</td><td>B</td></tr></table></body></html>';
    expect(htmlToText(html)).toBe('Title\n\nOne bold word\n\nA: B');
  });

  it('unclosed scripts, comments and tags swallow the rest instead of leaking it', () => {
    expect(htmlToText('<p>ok</p><script>alert(1)')).toBe('ok');
    expect(htmlToText('<p>ok</p><!-- alert(1)')).toBe('ok');
    expect(htmlToText('<p>ok</p><img src=x onerror=alert(1)')).toBe('ok');
  });

  it('decodes named, decimal and hexadecimal entities; invalid code points become U+FFFD', () => {
    expect(
      decodeEntities('&Eacute;chec &amp; &#233;t&eacute; &#x2014; &lt;b&gt; &#0; &#xD800; &unknown;'),
    ).toBe('Échec & été — <b> \ufffd \ufffd &unknown;');
  });

  it('is linear on pathological input', () => {
    const started = performance.now();
    htmlToText('<a '.repeat(100_000) + '<!x'.repeat(50_000) + '<p'.repeat(100_000));
    htmlLinks('<a href="'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('collects the href of every link, entities decoded', () => {
    expect(
      htmlLinks(
        '<a href="https://x.marketo.com/?a=1&amp;b=2">x</a> ' +
          "<a class=y href='javascript:go()'>j</a> <a href=plain>p</a>",
      ),
    ).toEqual(['https://x.marketo.com/?a=1&b=2', 'javascript:go()', 'plain']);
  });
});

describe('fields of the text', () => {
  it('fold ignores width, case, spaces and hyphens', () => {
    expect(fold('CRM-Synch')).toBe(fold('crm synch'));
    expect(fold('CRM 同期')).toBe(fold('ＣＲＭ同期'));
  });

  it('labelled values: first one wins, full-width colons, the specific label before the general one', () => {
    expect(
      labelledValues(
        'Campaign: A\nCampaign ID: 12\nCampaign: B\nプログラム：P\nCampaign Failure: not a name',
      ),
    ).toEqual({ campaign: 'A', campaignId: '12', program: 'P' });
  });

  it('integers with thousands separators', () => {
    expect(firstInteger('1,204 leads')).toBe(1204);
    expect(firstInteger('1.204')).toBe(1204);
    expect(firstInteger('１２')).toBe(12);
    expect(firstInteger('none')).toBeNull();
  });
});
