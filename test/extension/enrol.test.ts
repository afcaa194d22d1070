import { describe, expect, it } from 'vitest';

import { LANGUAGES } from '../../extension/lib/i18n';
import { enrol, enrolProblemKey, memberNameOrNull } from '../../extension/lib/options/enrol';
import { translator } from './translators';

const WORKER = 'http://127.0.0.1:8787';

/** A worker that answers every enrolment as the real one does for a taken name. */
const takenName = {
  fetch: (async () =>
    new Response(JSON.stringify({ error: { code: 'member_exists', message: 'That name is taken.' } }), {
      status: 409,
      headers: { 'content-type': 'application/json' },
    })) as typeof fetch,
};

describe('enrolment of a name that is taken', () => {
  it('shows its own message, in every language', async () => {
    const result = await enrol(WORKER, 'mn_enrollenrollenroll12', 'Anna Berg', takenName);
    if (result.ok) throw new Error('expected a refusal');
    expect(enrolProblemKey(result.problem)).toBe('enrol.memberExists');
    const texts = LANGUAGES.map((lang) => translator(lang).t('enrol.memberExists'));
    for (const text of texts) expect(text).not.toMatch(/^enrol\.|^$/);
    expect(new Set(texts).size).toBe(LANGUAGES.length);
  });

  it('keeps the general message for other refusals', () => {
    expect(enrolProblemKey({ kind: 'invalid_input', status: 400 })).toBe('problem.connection.invalid_input');
    expect(enrolProblemKey({ kind: 'refused', status: 401 })).toBe('problem.connection.refused');
  });

  it('refuses names the worker refuses: invisible characters and key ids', () => {
    const refused = ['Anna\u200bBerg', '\u202egreB annA', 'Anna\u00adBerg', 'key_abcdefghijklmno', 'KEY_abc'];
    for (const bad of refused) {
      expect(memberNameOrNull(bad), JSON.stringify(bad)).toBeNull();
    }
    expect(memberNameOrNull(' Anna Berg ')).toBe('Anna Berg');
    expect(memberNameOrNull('keymaster')).toBe('keymaster');
  });
});
