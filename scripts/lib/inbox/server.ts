// A local inbox for `npm start` and tests: it receives what the worker sends to Slack
// (`/slack/<name>`), Microsoft Teams (`/teams/<name>`) and signed webhooks (`/webhook/<name>`),
// checks webhook signatures with the `standardwebhooks` package, keeps the last 200 messages in
// memory and shows them at `/`, drawn roughly as Slack and Teams would. It is a simulation: nothing
// reaches Slack or Teams, and every page and answer says so. Run by Node itself (type stripping).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { Webhook } from 'standardwebhooks';

import { renderInboxPage } from './page.ts';

export const INBOX_PORT = 8791;
export const MAX_MESSAGES = 200;
/** Larger bodies are refused (Teams refuses a card over about 28 KB; Slack's limits are lower still). */
export const MAX_BODY_BYTES = 1024 * 1024;
export const INBOX_NOTICE =
  'A SIMULATED inbox for local runs and tests: it stands in for Slack, Microsoft Teams and webhook ' +
  'receivers. Nothing shown here reached Slack or Teams.';

export type InboxKind = 'slack' | 'teams' | 'webhook';
export const INBOX_KINDS: readonly InboxKind[] = ['slack', 'teams', 'webhook'];

export interface SignatureCheck {
  /** `unchecked`: no secret was given to the inbox for this webhook. */
  state: 'valid' | 'invalid' | 'unchecked';
  error?: string;
}

export interface InboxMessage {
  id: number;
  kind: InboxKind;
  /** The `<name>` of the path: one inbox serves any number of channels. */
  name: string;
  receivedAt: string;
  /** The parsed JSON body, or null when it was not JSON (then `text` holds it). */
  body: unknown;
  text?: string;
  bytes: number;
  /** Webhooks only. */
  signature?: SignatureCheck;
  /** What the real service would have objected to (Block Kit limits, the Teams wrapper, the card's size). */
  problems: string[];
}

export interface InboxOptions {
  port?: number;
  host?: string;
  /** A webhook signing secret for every name (`whsec_...`); POST /secrets sets more. */
  secret?: string;
}

export interface Inbox {
  url: string;
  port: number;
  messages: () => InboxMessage[];
  /** Secrets for one webhook name (all of them during a rotation), or for every name without one. */
  setSecrets: (secrets: string[], name?: string) => void;
  close: () => Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | object,
  type = 'application/json; charset=utf-8',
) {
  res.writeHead(status, {
    'content-type': type,
    'x-simulation': 'marketo-notifier local inbox',
    'cache-control': 'no-store',
  });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function slackProblems(body: any): string[] {
  const problems: string[] = [];
  if (typeof body?.text !== 'string' || body.text === '') problems.push('no "text" fallback');
  const blocks = Array.isArray(body?.blocks) ? body.blocks : [];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (Slack allows 50)`);
  for (const block of blocks) {
    if (block?.type === 'header' && String(block.text?.text ?? '').length > 150)
      problems.push('a header over 150 characters');
    if (block?.type === 'section' && String(block.text?.text ?? '').length > 3000)
      problems.push('a section over 3,000 characters');
  }
  return problems;
}

function teamsProblems(body: any, bytes: number): string[] {
  const problems: string[] = [];
  const attachment = Array.isArray(body?.attachments) ? body.attachments[0] : undefined;
  if (body?.type !== 'message') problems.push('not a "message"');
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive')
    problems.push('no Adaptive Card attachment');
  if (attachment?.content?.type !== 'AdaptiveCard') problems.push('the attachment is not an AdaptiveCard');
  else if (attachment.content.version !== '1.4')
    problems.push(`card version ${attachment.content.version} (Workflows takes 1.4)`);
  if (bytes >= 28 * 1024) problems.push(`${bytes} bytes (Teams refuses about 28 KB and more)`);
  return problems;
}

function checkSignature(secrets: string[], raw: string, req: IncomingMessage): SignatureCheck {
  if (secrets.length === 0) return { state: 'unchecked' };
  const headers = {
    'webhook-id': String(req.headers['webhook-id'] ?? ''),
    'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
    'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
  };
  let lastError = '';
  for (const secret of secrets) {
    try {
      new Webhook(secret).verify(raw, headers);
      return { state: 'valid' };
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
  }
  return { state: 'invalid', error: lastError };
}

export async function startInbox({
  port = INBOX_PORT,
  host = '127.0.0.1',
  secret,
}: InboxOptions = {}): Promise<Inbox> {
  const messages: InboxMessage[] = [];
  const secrets = new Map<string, string[]>();
  if (secret) secrets.set('*', [secret]);
  let nextId = 1;
  const setSecrets = (list: string[], name = '*') => void secrets.set(name, list);

  const receive = async (kind: InboxKind, name: string, req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    if (raw === null)
      return send(res, 413, { error: { code: 'too_large', message: `At most ${MAX_BODY_BYTES} bytes.` } });
    const text = raw.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    const message: InboxMessage = {
      id: nextId++,
      kind,
      name,
      receivedAt: new Date().toISOString(),
      body,
      bytes: raw.length,
      problems: body === null ? ['the body is not JSON'] : [],
    };
    if (body === null) message.text = text.slice(0, 10_000);
    else if (kind === 'slack') message.problems.push(...slackProblems(body));
    else if (kind === 'teams') message.problems.push(...teamsProblems(body, raw.length));
    if (kind === 'webhook')
      message.signature = checkSignature(secrets.get(name) ?? secrets.get('*') ?? [], text, req);
    messages.unshift(message);
    messages.splice(MAX_MESSAGES);
    // Answer as the services do: Slack "ok" or invalid_payload, Teams 202, a receiver 401 on a bad signature.
    if (kind === 'slack')
      return body === null
        ? send(res, 400, 'invalid_payload', 'text/plain')
        : send(res, 200, 'ok', 'text/plain');
    if (kind === 'teams') return send(res, body === null ? 400 : 202, '', 'text/plain');
    if (message.signature?.state === 'invalid')
      return send(res, 401, { error: { code: 'bad_signature', message: message.signature.error } });
    return send(res, 200, { ok: true });
  };

  const setSecretsFromBody = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    let input: any;
    try {
      input = raw === null ? null : JSON.parse(raw.toString('utf8'));
    } catch {
      input = null;
    }
    const list: unknown = input?.secrets ?? (input?.secret === undefined ? undefined : [input.secret]);
    const valid =
      Array.isArray(list) &&
      list.length > 0 &&
      list.every((s) => typeof s === 'string' && s.startsWith('whsec_'));
    const name = input?.name;
    if (!valid || (name !== undefined && (typeof name !== 'string' || name === ''))) {
      return send(res, 400, {
        error: {
          code: 'invalid_input',
          message: 'Send {"name"?: "<webhook name>", "secret": "whsec_..."} or {"secrets": [...]}.',
        },
      });
    }
    setSecrets(list as string[], name);
    return send(res, 200, { ok: true, name: name ?? '*', secrets: (list as string[]).length });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://inbox.local');
    const [, first, name, ...rest] = url.pathname.split('/');
    const handle = async () => {
      if (req.method === 'POST' && INBOX_KINDS.includes(first as InboxKind) && name && rest.length === 0) {
        let decoded: string;
        try {
          decoded = decodeURIComponent(name);
        } catch {
          return send(res, 400, {
            error: { code: 'invalid_name', message: 'The name in the path is not valid.' },
          });
        }
        return receive(first as InboxKind, decoded.slice(0, 200), req, res);
      }
      if (req.method === 'POST' && url.pathname === '/secrets') return setSecretsFromBody(req, res);
      if (req.method === 'GET' && url.pathname === '/messages.json')
        return send(res, 200, { notice: INBOX_NOTICE, messages });
      if (req.method === 'DELETE' && url.pathname === '/messages') {
        messages.length = 0;
        return send(res, 200, { ok: true });
      }
      if (req.method === 'GET' && url.pathname === '/') {
        return send(res, 200, renderInboxPage(messages, INBOX_NOTICE), 'text/html; charset=utf-8');
      }
      return send(res, 404, {
        error: { code: 'not_found', message: `Nothing at ${req.method} ${url.pathname}. ${INBOX_NOTICE}` },
      });
    };
    handle().catch((error) =>
      send(res, 500, { error: { code: 'internal', message: String(error?.message ?? error) } }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    messages: () => [...messages],
    setSecrets,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
