import { describe, expect, it } from 'vitest';

import { displayText } from '../../../shared/display-text';

/** Every code point of a general category in the BMP and the tag block, as one string. */
function category(name: string): string {
  const test = new RegExp(`\\p{${name}}`, 'u');
  let out = '';
  for (let cp = 0; cp <= 0xe007f; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    if (test.test(c)) out += c;
  }
  return out;
}

describe('displayText', () => {
  it('drops the right-to-left override and every other bidi control', () => {
    expect(displayText('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
    const bidi = '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(displayText(`a${bidi}b`)).toBe('ab');
  });

  it('drops zero-width characters, the byte order mark, soft hyphens and tag characters', () => {
    expect(displayText('Anna\u200bBerg\u200c\u200d\u2060\ufeff\u00ad')).toBe('AnnaBerg');
    expect(displayText('x\u{e0041}\u{e007f}y')).toBe('xy');
  });

  it('drops every Unicode format character (Cf)', () => {
    const cf = category('Cf');
    expect(cf.length).toBeGreaterThan(100);
    expect(displayText(`[${cf}]`)).toBe('[]');
    expect(displayText(`[${cf}]`, { multiline: true })).toBe('[]');
  });

  it('drops BEL, ESC, NUL, DEL and the C1 controls', () => {
    expect(displayText('Welcome\u0007\u001b[31m\u0000\u007f\u009b!')).toBe('Welcome[31m!');
    const cc = category('Cc').replace(/[\t\n\r\v\f\u0085]/g, '');
    expect(displayText(`[${cc}]`)).toBe('[]');
    expect(displayText(`[${cc}]`, { multiline: true })).toBe('[]');
  });

  it('drops lone surrogates and keeps pairs', () => {
    expect(displayText('a\ud800b\udc00c')).toBe('abc');
    expect(displayText('ok 😀')).toBe('ok 😀');
  });

  it('keeps tabs and line breaks in multi-line text, as \\n', () => {
    expect(displayText('line 1\r\nline 2\rline 3\u2028line 4\n\tindented\u0007', { multiline: true })).toBe(
      'line 1\nline 2\nline 3\nline 4\n\tindented',
    );
  });

  it('puts one space for each run of tabs and line breaks in a single line', () => {
    expect(displayText('Spring\r\n\tLaunch\u2029now')).toBe('Spring Launch now');
  });

  it('leaves ordinary text of every script as it is', () => {
    const texts = [
      'Frühjahrskampagne – „Willkommen“',
      'ようこそキャンペーン',
      '환영 캠페인',
      'حملة الترحيب',
      'שלום',
    ];
    for (const text of texts) {
      expect(displayText(text)).toBe(text);
      expect(displayText(text, { multiline: true })).toBe(text);
    }
  });
});
