/**
 * E-mail (sent by the delivery side with the `send_email` binding): the subject is the title, and
 * the same content as text and as HTML. Every piece of text in the HTML is escaped, so nothing in
 * a notification's data becomes markup; only http(s) links become anchors.
 */
import { cut, type MessageContent, messageContent, plainHeadline } from './content';
import type { OutboundMessage } from './message';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Line breaks in a value (an e-mail's excerpt, a message) kept as <br>. */
const multiline = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

const COLOURS = { critical: '#c9252d', warning: '#b35c00', info: '#1473e6' } as const;

function textBody(c: MessageContent): string {
  const lines = [c.heading, c.context, ''];
  for (const notice of c.notices) lines.push(notice);
  if (c.notices.length > 0) lines.push('');
  if (c.body) lines.push(c.body, '');
  for (const f of c.facts) lines.push(`${f.label}: ${f.value}`);
  if (c.facts.length > 0) lines.push('');
  for (const line of c.errorCodes) lines.push(line);
  if (c.errorCodes.length > 0) lines.push('');
  if (c.byType.length > 0) {
    lines.push(`${c.tr.t('out.byType')}:`);
    for (const f of c.byType) lines.push(`  ${f.label}: ${f.value}`);
    lines.push('');
  }
  for (const item of c.items) {
    lines.push(`- ${item.title} (${item.context})`);
    if (item.ackUrl) lines.push(`  ${item.ackUrl}`);
  }
  if (c.notListed > 0) lines.push(c.tr.t('out.notListed', { count: c.notListed }));
  if (c.items.length > 0 || c.notListed > 0) lines.push('');
  for (const link of c.links) lines.push(`${link.label}: ${link.url}`);
  if (c.links.length > 0) lines.push('');
  lines.push('--', c.footer);
  return `${lines.join('\n')}\n`;
}

function htmlBody(c: MessageContent): string {
  const colour = c.severity ? COLOURS[c.severity] : '#444';
  const parts = [
    `<p style="margin:0;color:${colour};font-weight:bold;font-size:13px">${escapeHtml(c.context)}</p>`,
    `<h1 style="margin:4px 0 12px;font-size:20px">${escapeHtml(c.heading)}</h1>`,
  ];
  for (const notice of c.notices)
    parts.push(`<p style="font-weight:bold;color:#c9252d">${escapeHtml(notice)}</p>`);
  if (c.body) parts.push(`<p>${escapeHtml(c.body)}</p>`);
  if (c.facts.length > 0) {
    const rows = c.facts.map(
      (f) =>
        `<tr><th style="text-align:left;vertical-align:top;padding:2px 12px 2px 0">${escapeHtml(f.label)}</th>` +
        `<td style="padding:2px 0">${multiline(f.value)}</td></tr>`,
    );
    parts.push(`<table style="border-collapse:collapse;font-size:14px">${rows.join('')}</table>`);
  }
  for (const line of c.errorCodes) parts.push(`<p style="color:#555;font-size:13px">${escapeHtml(line)}</p>`);
  if (c.byType.length > 0) {
    const rows = c.byType.map((f) => `<li>${escapeHtml(f.label)}: <b>${escapeHtml(f.value)}</b></li>`);
    parts.push(
      `<h2 style="font-size:15px">${escapeHtml(c.tr.t('out.byType'))}</h2><ul>${rows.join('')}</ul>`,
    );
  }
  if (c.items.length > 0) {
    const rows = c.items.map((item) => {
      const title = item.ackUrl
        ? `<a href="${escapeHtml(item.ackUrl)}">${escapeHtml(item.title)}</a>`
        : escapeHtml(item.title);
      const context = `<small style="color:#555">${escapeHtml(item.context)}</small>`;
      return `<li style="margin-bottom:4px">${title}<br>${context}</li>`;
    });
    parts.push(`<ul style="padding-left:18px">${rows.join('')}</ul>`);
  }
  if (c.notListed > 0)
    parts.push(`<p><i>${escapeHtml(c.tr.t('out.notListed', { count: c.notListed }))}</i></p>`);
  if (c.links.length > 0) {
    const style =
      'display:inline-block;padding:8px 14px;margin:0 8px 8px 0;border-radius:4px;' +
      'background:#1473e6;color:#fff;text-decoration:none;font-weight:bold';
    const buttons = c.links.map(
      (l) => `<a href="${escapeHtml(l.url)}" style="${style}">${escapeHtml(l.label)}</a>`,
    );
    parts.push(`<p>${buttons.join('')}</p>`);
  }
  parts.push(
    `<p style="color:#777;font-size:12px;border-top:1px solid #ddd;padding-top:8px">${escapeHtml(c.footer)}</p>`,
  );
  return (
    `<!doctype html><html lang="${escapeHtml(c.tr.lang)}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(c.heading)}</title></head>` +
    '<body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#222;max-width:640px">' +
    `${parts.join('\n')}</body></html>`
  );
}

export function renderEmail(m: OutboundMessage): EmailContent {
  const c = messageContent(m);
  // One line, as a header must be: the heading is display text already (no line breaks).
  const subject = cut(plainHeadline(c).replace(/[\r\n]+/g, ' '), 200);
  return { subject, text: textBody(c), html: htmlBody(c) };
}
