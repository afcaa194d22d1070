// The inbox page: each message drawn roughly as its service would draw it (Slack's Block Kit,
// Teams' Adaptive Cards, a webhook's JSON with its signature check). Everything from a message is
// escaped; links open only when they are http(s). No script: the page reloads itself every 5 s.
import type { InboxMessage } from './server.ts';

export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const webUrl = (url: string): string | null => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
};

const link = (url: string, label: string) => {
  const href = webUrl(url);
  return href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noreferrer">${label}</a>` : label;
};

const EMOJI: Record<string, string> = {
  ':red_circle:': '🔴',
  ':large_orange_circle:': '🟠',
  ':large_blue_circle:': '🔵',
};
const unescapeSlack = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Slack's mrkdwn as HTML: links `<url|label>`, *bold*, _italic_, line breaks, a few emoji. */
export function mrkdwnToHtml(text: string): string {
  const parts = String(text ?? '').split(/(<[^<>]+>)/);
  return parts
    .map((part) => {
      const linked = /^<([^|<>]+)(?:\|([^<>]*))?>$/.exec(part);
      if (linked) {
        const [, url = '', label] = linked;
        return link(unescapeSlack(url), escapeHtml(unescapeSlack(label ?? url)));
      }
      return escapeHtml(unescapeSlack(part))
        .replace(/:[a-z_]+:/g, (code) => EMOJI[code] ?? code)
        .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<b>$2</b>')
        .replace(/(^|[\s(])_([^_\n]+)_/g, '$1<i>$2</i>');
    })
    .join('')
    .replace(/\n/g, '<br>');
}

function slackBlock(block: any): string {
  switch (block?.type) {
    case 'header':
      return `<div class="s-header">${escapeHtml(block.text?.text)}</div>`;
    case 'section':
      return `<div class="s-section">${mrkdwnToHtml(block.text?.text ?? '')}</div>`;
    case 'context': {
      const elements = (block.elements ?? []).map((e: any) =>
        e.type === 'mrkdwn' ? mrkdwnToHtml(e.text) : escapeHtml(e.text),
      );
      return `<div class="s-context">${elements.join(' ')}</div>`;
    }
    case 'divider':
      return '<hr class="s-divider">';
    case 'actions': {
      const buttons = (block.elements ?? []).map((e: any) =>
        link(String(e.url ?? ''), `<span class="s-button">${escapeHtml(e.text?.text)}</span>`),
      );
      return `<div class="s-actions">${buttons.join(' ')}</div>`;
    }
    default:
      return `<div class="s-context">[${escapeHtml(block?.type)} block]</div>`;
  }
}

/** Teams reads Markdown in a TextBlock: drop the backslash escapes, show the rest as text. */
const teamsText = (text: unknown) =>
  escapeHtml(String(text ?? '').replace(/\\(.)/g, '$1')).replace(/\n/g, '<br>');

function cardElement(element: any): string {
  switch (element?.type) {
    case 'TextBlock': {
      const classes = ['t-text', `t-size-${String(element.size ?? 'default').toLowerCase()}`];
      if (element.weight === 'Bolder') classes.push('t-bold');
      if (element.isSubtle) classes.push('t-subtle');
      if (element.color) classes.push(`t-color-${String(element.color).toLowerCase()}`);
      return `<div class="${escapeHtml(classes.join(' '))}">${teamsText(element.text)}</div>`;
    }
    case 'FactSet': {
      const rows = (element.facts ?? []).map(
        (f: any) => `<tr><th>${teamsText(f.title)}</th><td>${teamsText(f.value)}</td></tr>`,
      );
      return `<table class="t-facts">${rows.join('')}</table>`;
    }
    case 'Container': {
      const inner = (element.items ?? []).map(cardElement).join('');
      const url =
        element.selectAction?.type === 'Action.OpenUrl' ? String(element.selectAction.url ?? '') : '';
      return `<div class="t-container">${url ? link(url, inner) : inner}</div>`;
    }
    default:
      return `<div class="t-subtle">[${escapeHtml(element?.type)}]</div>`;
  }
}

function teamsCard(body: any): string {
  const card = body?.attachments?.[0]?.content;
  if (!card) return '<div class="t-subtle">No Adaptive Card in this message.</div>';
  const actions = (card.actions ?? [])
    .filter((a: any) => a?.type === 'Action.OpenUrl')
    .map((a: any) => link(String(a.url ?? ''), `<span class="t-button">${escapeHtml(a.title)}</span>`));
  const elements = (card.body ?? []).map(cardElement).join('');
  return `<div class="t-card">${elements}<div class="t-actions">${actions.join(' ')}</div></div>`;
}

function signatureBadge(message: InboxMessage): string {
  const check = message.signature;
  if (!check) return '';
  if (check.state === 'valid') return '<span class="badge ok">Signature valid</span>';
  if (check.state === 'unchecked')
    return '<span class="badge warn">Signature not checked: no secret given (POST /secrets)</span>';
  return `<span class="badge bad">Signature FAILED: ${escapeHtml(check.error)}</span>`;
}

const KIND_NAMES = { slack: 'Slack', teams: 'Microsoft Teams', webhook: 'Webhook' } as const;
const SLACK_APP = '<div class="s-app">Marketo Notifier <span class="s-tag">APP</span></div>';

function messageHtml(message: InboxMessage): string {
  let drawn: string;
  if (message.body === null) drawn = `<pre>${escapeHtml(message.text)}</pre>`;
  else if (message.kind === 'slack') {
    const body = message.body as any;
    const blocks = Array.isArray(body.blocks)
      ? body.blocks.map(slackBlock).join('')
      : mrkdwnToHtml(body.text ?? '');
    drawn = `<div class="slack">${SLACK_APP}${blocks}</div>`;
  } else if (message.kind === 'teams') drawn = `<div class="teams">${teamsCard(message.body)}</div>`;
  else drawn = `<pre class="json">${escapeHtml(JSON.stringify(message.body, null, 2))}</pre>`;
  const problems = message.problems.map((p) => `<span class="badge bad">${escapeHtml(p)}</span>`).join(' ');
  const header = [
    `<b>${KIND_NAMES[message.kind]}</b>`,
    escapeHtml(message.name),
    `<time>${escapeHtml(message.receivedAt)}</time>`,
    `${message.bytes} bytes ${signatureBadge(message)} ${problems}`,
  ].join(' · ');
  return `<article class="message ${message.kind}-message" data-id="${message.id}">
<header>${header}</header>
${drawn}
</article>`;
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f4f4f6;color:#1d1c1d}
.notice{background:#fff3c4;border-bottom:2px solid #e0b800;padding:12px 20px;font-weight:bold}
main{max-width:820px;margin:16px auto;padding:0 16px}
.message{background:#fff;border-radius:8px;margin:0 0 16px;padding:12px 16px;box-shadow:0 1px 2px #0002}
.message>header{font-size:12px;color:#616061;margin-bottom:8px}
.badge{display:inline-block;border-radius:4px;padding:1px 6px;margin-left:4px}
.ok{background:#e3f4e5;color:#116329}.warn{background:#fff3c4;color:#6b5300}.bad{background:#fde2e1;color:#a4161a}
.s-app{font-weight:900}.s-tag{font-size:10px;background:#e8e8e8;border-radius:3px;padding:0 3px;color:#616061}
.s-header{font-size:18px;font-weight:900;margin:6px 0}
.s-section{margin:6px 0;line-height:1.45}
.s-context{font-size:12px;color:#616061;margin:6px 0}
.s-divider{border:0;border-top:1px solid #ddd}.s-button{border:1px solid #ccc;border-radius:4px;padding:3px 10px}
.teams{background:#f5f5f5;padding:8px;border-left:4px solid #6264a7}
.t-card{background:#fff;border-radius:4px;padding:12px;font-family:"Segoe UI",sans-serif}
.t-size-small{font-size:12px}
.t-size-large{font-size:18px}
.t-bold{font-weight:600}
.t-subtle{color:#616161}
.t-text{margin:4px 0}
.t-color-attention{color:#c4314b}.t-color-warning{color:#a16114}.t-color-accent{color:#4f52b2}
.t-facts th{text-align:left;padding:2px 12px 2px 0;vertical-align:top}
.t-container{border-top:1px solid #e1e1e1;padding:4px 0}
.t-actions{margin-top:8px}
.t-button{display:inline-block;border:1px solid #c8c6c4;border-radius:4px;padding:4px 12px;margin-right:6px}
pre{white-space:pre-wrap;word-break:break-word;font-size:12px;background:#f6f8fa;padding:8px;border-radius:4px}`;

export function renderInboxPage(messages: readonly InboxMessage[], notice: string): string {
  const list =
    messages.length > 0
      ? messages.map(messageHtml).join('\n')
      : "<p>No messages yet. Send a test from the extension's options, or run npm run demo.</p>";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Local inbox (simulation) · Marketo Notifier</title><style>${STYLE}</style></head>
<body><div class="notice" role="note">${escapeHtml(notice)}</div>
<main><h1>Local inbox (simulation)</h1>
<p>Slack: POST /slack/&lt;name&gt; · Teams: POST /teams/&lt;name&gt; · Webhooks: POST /webhook/&lt;name&gt; ·
JSON: <a href="/messages.json">/messages.json</a> ·
the last ${messages.length} of at most 200 messages, newest first.</p>
${list}
</main></body></html>
`;
}
