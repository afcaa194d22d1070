/**
 * The page behind an acknowledge link (`GET /a/<token>`): the notification, a name field and the
 * buttons "I'm on it" and "Resolve", posted as a form to the same address. No script at all (the
 * Content-Security-Policy allows none), in the tenant's language. GET changes nothing: chat
 * unfurlers and mail scanners open links. The route (on the delivery side) verifies the token
 * (./ack-token.ts), acts on POST and draws this page with the state that follows.
 */
import { displayText } from '../../shared/display-text';
import type { Language } from '../../shared/languages';
import { MEMBER_NAME_MAX } from '../../shared/members';
import { describeNotification } from '../../shared/notification-text/describe';
import type { Notification } from '../../shared/notifications';
import { ackLabel, formatInstant, type OutboundTranslator, outboundTranslator } from './content';
import { escapeHtml } from './email';

export type AckPageState = 'open' | 'done' | 'expired' | 'invalid';

export interface AckPageInput {
  language: Language;
  state: AckPageState;
  /** For `open` and `done`: the notification as it is now. */
  notification?: Notification;
  /** The name sent with a refused form, shown again. */
  name?: string;
  /** The form came back because its name was empty or too long (the page answers 400). */
  nameInvalid?: boolean;
}

export interface AckPage {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const ACK_PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

const STATUS: Record<AckPageState, number> = { open: 200, done: 200, expired: 410, invalid: 404 };

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;
max-width:560px;margin:32px auto;padding:0 16px}
.sev{font-weight:bold;font-size:13px}.critical{color:#c9252d}.warning{color:#b35c00}.info{color:#1473e6}
h1{font-size:20px;margin:4px 0 12px}th{text-align:left;vertical-align:top;padding:2px 12px 2px 0}td{padding:2px 0}
.status{background:#eef6ee;border-radius:4px;padding:8px 12px}.error{color:#c9252d}
label{display:block;margin:16px 0 4px;font-weight:bold}input{font:inherit;padding:6px;width:100%;box-sizing:border-box}
button{font:inherit;padding:8px 14px;margin:12px 8px 0 0;border-radius:4px;
border:1px solid #1473e6;background:#1473e6;color:#fff}
button[value=resolve]{background:#fff;color:#1473e6}`;

function triageLines(n: Notification, tr: OutboundTranslator): string[] {
  const lines: string[] = [];
  const time = (iso: string) => formatInstant(iso, tr.lang);
  if (n.ack) lines.push(tr.t('team.ackedBy', { member: displayText(n.ack.member), time: time(n.ack.at) }));
  if (n.resolved)
    lines.push(
      tr.t('team.resolvedBy', { member: displayText(n.resolved.member), time: time(n.resolved.at) }),
    );
  return lines;
}

function notificationHtml(n: Notification, tr: OutboundTranslator): string {
  const d = describeNotification(n, tr);
  const facts = d.facts.map(
    (f) => `<tr><th>${escapeHtml(f.label)}</th><td>${escapeHtml(f.value).replace(/\n/g, '<br>')}</td></tr>`,
  );
  return [
    `<p class="sev ${n.severity}">${escapeHtml(`${tr.t(`severity.${n.severity}`)} · ${tr.t(`type.${n.type}`)}`)}</p>`,
    `<h1>${escapeHtml(d.title)}</h1>`,
    facts.length > 0 ? `<table>${facts.join('')}</table>` : '',
  ].join('\n');
}

function formHtml(input: AckPageInput, tr: OutboundTranslator): string {
  const error = input.nameInvalid
    ? `<p class="error" id="name-error">${escapeHtml(tr.t('ack.nameInvalid'))}</p>`
    : '';
  const described = input.nameInvalid ? ' aria-describedby="name-error" aria-invalid="true"' : '';
  const value = input.name ? ` value="${escapeHtml(input.name.slice(0, MEMBER_NAME_MAX))}"` : '';
  return `<form method="post">
<label for="name">${escapeHtml(tr.t('ack.name'))}</label>
<input id="name" name="name" required minlength="1" maxlength="${MEMBER_NAME_MAX}"
  autocomplete="name"${value}${described}>
${error}
<button type="submit" name="action" value="ack">${escapeHtml(tr.t('team.ack'))}</button>
<button type="submit" name="action" value="resolve">${escapeHtml(tr.t('team.resolve'))}</button>
</form>`;
}

export function renderAckPage(input: AckPageInput): AckPage {
  const tr = outboundTranslator(input.language);
  const parts: string[] = [];
  const n = input.state === 'open' || input.state === 'done' ? input.notification : undefined;
  if (input.state === 'expired')
    parts.push(`<h1>${escapeHtml(ackLabel(tr))}</h1><p>${escapeHtml(tr.t('ack.expired'))}</p>`);
  else if (input.state === 'invalid' || !n)
    parts.push(`<h1>${escapeHtml(ackLabel(tr))}</h1><p>${escapeHtml(tr.t('ack.invalid'))}</p>`);
  else {
    if (input.state === 'done')
      parts.push(`<p class="status" role="status">${escapeHtml(tr.t('ack.done'))}</p>`);
    parts.push(notificationHtml(n, tr));
    const triage = triageLines(n, tr);
    if (triage.length > 0) parts.push(`<p class="status">${triage.map(escapeHtml).join('<br>')}</p>`);
    // A resolved notification has nothing left to do here.
    if (!n.resolved) parts.push(`<p>${escapeHtml(tr.t('ack.intro'))}</p>`, formHtml(input, tr));
  }
  const body = `<!doctype html>
<html lang="${escapeHtml(input.language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(tr.t('ack.pageTitle'))} · Marketo Notifier</title>
<style>${STYLE}</style></head>
<body>
${parts.join('\n')}
</body>
</html>
`;
  // Without its notification an open page has nothing to show: as for an unknown token.
  const shown: AckPageState =
    (input.state === 'open' || input.state === 'done') && !n ? 'invalid' : input.state;
  const status = input.nameInvalid && shown === 'open' ? 400 : STATUS[shown];
  return { status, headers: { ...ACK_PAGE_HEADERS }, body };
}
