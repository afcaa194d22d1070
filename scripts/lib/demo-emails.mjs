// Marketo notification e-mails for `npm run demo -- --email`, sent the way Email Routing would
// hand them to the worker: through the local e-mail trigger of `wrangler dev`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { projectRoot } from './project.mjs';

const FIXTURES = join(projectRoot, 'test/worker/email/fixtures');

/** English, Dutch and Japanese; multipart, quoted-printable and base64; one that is no notification type. */
export const DEMO_EMAILS = [
  { fixture: 'campaign-failure.en', about: 'English, multipart/alternative, quoted-printable' },
  { fixture: 'engagement.nl', about: 'Dutch, multipart/alternative' },
  { fixture: 'campaign-failure.ja', about: 'Japanese, base64' },
  { fixture: 'unknown.en.attachment', about: 'English, not a notification type, with an attachment' },
];

export const DEMO_SENDER = 'notifications@mktomail.com';

/** The fixture addressed to `to`, with a new Message-ID (the worker drops a repeated one). */
export async function demoEmail(fixture, to, n = 0) {
  const raw = await readFile(join(FIXTURES, `${fixture}.eml`), 'utf8');
  const id = `demo-${Date.now().toString(36)}-${n}-${fixture}@mktomail.com`;
  return raw.replace(/^To: .*$/m, `To: ${to}`).replace(/^Message-ID: <[^>]*>$/m, `Message-ID: <${id}>`);
}

/**
 * POST <worker>/cdn-cgi/local/email?from=&to=&format=json with the raw message: `{status, outcome,
 * rejectReason?}`; a message the worker refused has its `rejectReason`.
 */
export async function sendLocalEmail(workerUrl, { from = DEMO_SENDER, to, raw }) {
  const url = new URL('/cdn-cgi/local/email', workerUrl);
  url.search = new URLSearchParams({ from, to, format: 'json' }).toString();
  const response = await fetch(url, {
    method: 'POST',
    body: raw,
    headers: { 'Content-Type': 'message/rfc822' },
  });
  const text = await response.text();
  try {
    return { status: response.status, ...JSON.parse(text) };
  } catch {
    return { status: response.status, outcome: response.ok ? 'ok' : 'error', rejectReason: text };
  }
}
