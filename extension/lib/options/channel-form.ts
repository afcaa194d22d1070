import {
  CHANNEL_NAME_MAX,
  CLOCK_TIME,
  isTimeZone,
  MAX_CHANNEL_URL_LENGTH,
  MAX_EMAIL_RECIPIENTS,
} from '../../../shared/channel-limits';
import type { Channel, ChannelCreate, ChannelKind, ChannelPatch } from '../../../shared/channels';
import {
  NOTIFICATION_TYPES,
  type NotificationType,
  SEVERITIES,
  type Severity,
} from '../../../shared/notification-types';

/** A channel as the options form edits it: text as typed, recipients one per line or comma separated. */
export interface ChannelForm {
  kind: ChannelKind;
  name: string;
  /** Empty while editing: the stored URL is never shown, and an empty field keeps it. */
  url: string;
  to: string;
  types: NotificationType[];
  minSeverity: Severity;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  quietZone: string;
  mode: 'immediate' | 'digest';
  digestTime: string;
  digestZone: string;
  escalation: boolean;
  enabled: boolean;
}

export type ChannelField =
  'name' | 'url' | 'to' | 'types' | 'quietStart' | 'quietEnd' | 'quietZone' | 'digestTime' | 'digestZone';
export type ChannelIssue =
  'required' | 'tooLong' | 'url' | 'addresses' | 'tooManyAddresses' | 'types' | 'time' | 'timeZone';
export type ChannelIssues = Partial<Record<ChannelField, ChannelIssue>>;

/** The browser's own zone, else UTC. */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function emptyChannelForm(kind: ChannelKind = 'slack', zone = localTimeZone()): ChannelForm {
  return {
    kind,
    name: '',
    url: '',
    to: '',
    types: [...NOTIFICATION_TYPES],
    minSeverity: 'warning',
    quiet: false,
    quietStart: '22:00',
    quietEnd: '07:00',
    quietZone: zone,
    mode: 'immediate',
    digestTime: '09:00',
    digestZone: zone,
    escalation: false,
    enabled: true,
  };
}

export function formFromChannel(channel: Channel, zone = localTimeZone()): ChannelForm {
  return {
    kind: channel.kind,
    name: channel.name,
    url: '',
    to: (channel.to ?? []).join('\n'),
    types: NOTIFICATION_TYPES.filter((t) => channel.types.includes(t)),
    minSeverity: channel.minSeverity,
    quiet: channel.quietHours !== null,
    quietStart: channel.quietHours?.start ?? '22:00',
    quietEnd: channel.quietHours?.end ?? '07:00',
    quietZone: channel.quietHours?.timeZone ?? zone,
    mode: channel.mode,
    digestTime: channel.digestAt.time,
    digestZone: channel.digestAt.timeZone,
    escalation: channel.escalation,
    enabled: channel.enabled,
  };
}

// The shape the worker's z.email() takes, near enough to catch typing mistakes before sending.
const ADDRESS = /^[^\s@,;<>]+@[^\s@,;<>.]+(\.[^\s@,;<>.]+)+$/;

export function recipients(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** What the form says before anything is sent; the worker judges hosts and the rest. */
export function checkChannelForm(form: ChannelForm, creating: boolean): ChannelIssues {
  const issues: ChannelIssues = {};
  const name = form.name.trim();
  if (!name) issues.name = 'required';
  else if (name.length > CHANNEL_NAME_MAX) issues.name = 'tooLong';
  if (form.kind === 'email') {
    const to = recipients(form.to);
    if (to.length === 0) issues.to = 'required';
    else if (to.length > MAX_EMAIL_RECIPIENTS) issues.to = 'tooManyAddresses';
    else if (!to.every((a) => ADDRESS.test(a) && a.length <= 254)) issues.to = 'addresses';
  } else {
    const url = form.url.trim();
    if (!url && creating) issues.url = 'required';
    else if (url && (url.length > MAX_CHANNEL_URL_LENGTH || !isHttpUrl(url))) issues.url = 'url';
  }
  if (form.types.length === 0) issues.types = 'types';
  if (form.quiet) {
    if (!CLOCK_TIME.test(form.quietStart)) issues.quietStart = 'time';
    if (!CLOCK_TIME.test(form.quietEnd)) issues.quietEnd = 'time';
    if (!isTimeZone(form.quietZone.trim())) issues.quietZone = 'timeZone';
  }
  if (form.mode === 'digest') {
    if (!CLOCK_TIME.test(form.digestTime)) issues.digestTime = 'time';
    if (!isTimeZone(form.digestZone.trim())) issues.digestZone = 'timeZone';
  }
  return issues;
}

/** Everything the form holds, as POST /v1/channels takes it. */
export function createFromForm(form: ChannelForm): { body: ChannelCreate } | { issues: ChannelIssues } {
  const issues = checkChannelForm(form, true);
  if (Object.keys(issues).length) return { issues };
  const target = form.kind === 'email' ? { to: recipients(form.to) } : { url: form.url.trim() };
  return { body: { kind: form.kind, ...target, ...settings(form) } };
}

function settings(form: ChannelForm) {
  return {
    name: form.name.trim(),
    types: [...form.types],
    minSeverity: form.minSeverity,
    quietHours: form.quiet
      ? { start: form.quietStart, end: form.quietEnd, timeZone: form.quietZone.trim() }
      : null,
    mode: form.mode,
    // A channel keeps its digest time while it sends at once: sent only when the form can show it.
    ...(form.mode === 'digest'
      ? { digestAt: { time: form.digestTime, timeZone: form.digestZone.trim() } }
      : {}),
    escalation: form.escalation,
    enabled: form.enabled,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * PATCH /v1/channels/:id: only what differs from the channel as loaded. The URL only when a new
 * one was typed (the stored one is never shown); recipients only for e-mail.
 */
export function patchFromForm(
  form: ChannelForm,
  channel: Channel,
): { patch: ChannelPatch } | { issues: ChannelIssues } {
  const issues = checkChannelForm(form, false);
  if (Object.keys(issues).length) return { issues };
  const next = settings(form);
  const before = settings(formFromChannel(channel));
  const patch: ChannelPatch = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (!same(next[key], before[key])) Object.assign(patch, { [key]: next[key] });
  }
  // A channel the receiver refused is `disabled` while still enabled: saved on, it sends `enabled: true`.
  if (channel.state === 'disabled' && form.enabled) patch.enabled = true;
  if (form.mode === 'digest' && !same(next.digestAt, channel.digestAt)) patch.digestAt = next.digestAt;
  if (form.kind === 'email') {
    const to = recipients(form.to);
    if (!same(to, channel.to)) patch.to = to;
  } else if (form.url.trim()) {
    patch.url = form.url.trim();
  }
  return { patch };
}

/** The fields the worker's invalid_input details name, each with its message (in the chosen language). */
export type RejectedFields = Partial<Record<ChannelField, string>>;

function fieldOfPath([head, sub]: unknown[]): ChannelField | undefined {
  if (head === 'quietHours')
    return sub === 'end' ? 'quietEnd' : sub === 'timeZone' ? 'quietZone' : 'quietStart';
  if (head === 'digestAt') return sub === 'timeZone' ? 'digestZone' : 'digestTime';
  return head === 'name' || head === 'url' || head === 'to' || head === 'types' ? head : undefined;
}

/** `[{path, message}]` (also under `issues`); unknown shapes name no field. */
export function rejectedFields(details: unknown): RejectedFields {
  const list = Array.isArray(details) ? details : (details as { issues?: unknown } | null)?.issues;
  const fields: RejectedFields = {};
  if (!Array.isArray(list)) return fields;
  for (const item of list as { path?: unknown; message?: unknown }[]) {
    const field = Array.isArray(item?.path) ? fieldOfPath(item.path) : undefined;
    if (field) fields[field] ??= typeof item.message === 'string' ? item.message : '';
  }
  return fields;
}

export { SEVERITIES };
