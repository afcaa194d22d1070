// The options' channel form: what it refuses before sending, what POST and PATCH carry.
import { describe, expect, it } from 'vitest';

import {
  type ChannelForm,
  checkChannelForm,
  createFromForm,
  emptyChannelForm,
  formFromChannel,
  patchFromForm,
  rejectedFields,
} from '../../extension/lib/options/channel-form';
import { type Channel, ChannelCreate, ChannelPatch } from '../../shared/channels';
import { NOTIFICATION_TYPES } from '../../shared/notification-types';

const slack: Channel = {
  id: 'c1',
  kind: 'slack',
  name: 'Ops',
  target: 'https://hooks.slack.com/…abcd',
  to: null,
  types: [...NOTIFICATION_TYPES],
  minSeverity: 'warning',
  quietHours: null,
  mode: 'immediate',
  digestAt: { time: '09:00', timeZone: 'UTC' },
  escalation: false,
  enabled: true,
  state: 'ok',
  createdAt: '2026-11-23T08:00:00.000Z',
  updatedAt: '2026-11-23T08:00:00.000Z',
};
const email: Channel = {
  ...slack,
  id: 'c2',
  kind: 'email',
  target: null,
  to: ['a@example.com', 'b@example.com'],
};

const filled = (change: Partial<ChannelForm> = {}): ChannelForm => ({
  ...emptyChannelForm('slack', 'Europe/Amsterdam'),
  name: 'Ops',
  url: 'https://hooks.slack.com/services/T0/B0/x',
  ...change,
});

describe('channel form', () => {
  it('creates with every field the worker takes, valid by the shared schema', () => {
    const result = createFromForm(
      filled({ quiet: true, quietStart: '22:00', quietEnd: '07:00', escalation: true }),
    );
    if (!('body' in result)) throw new Error(JSON.stringify(result));
    expect(result.body).toEqual({
      kind: 'slack',
      url: 'https://hooks.slack.com/services/T0/B0/x',
      name: 'Ops',
      types: [...NOTIFICATION_TYPES],
      minSeverity: 'warning',
      quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Amsterdam' },
      mode: 'immediate',
      escalation: true,
      enabled: true,
    });
    expect(ChannelCreate.safeParse(result.body).success).toBe(true);
    const mail = createFromForm(
      filled({
        kind: 'email',
        url: '',
        to: 'a@example.com,\n b@example.com',
        mode: 'digest',
        digestTime: '08:30',
      }),
    );
    if (!('body' in mail)) throw new Error(JSON.stringify(mail));
    expect(mail.body).toMatchObject({
      kind: 'email',
      to: ['a@example.com', 'b@example.com'],
      digestAt: { time: '08:30', timeZone: 'Europe/Amsterdam' },
    });
    expect('url' in mail.body).toBe(false);
    expect(ChannelCreate.safeParse(mail.body).success).toBe(true);
  });

  it('refuses what the worker would refuse before sending anything', () => {
    expect(createFromForm(filled({ name: '  ', url: '' }))).toEqual({
      issues: { name: 'required', url: 'required' },
    });
    expect(checkChannelForm(filled({ name: 'x'.repeat(81), url: 'hooks.slack.com/x' }), true)).toEqual({
      name: 'tooLong',
      url: 'url',
    });
    expect(checkChannelForm(filled({ kind: 'email', to: 'a@example.com, not-an-address' }), true)).toEqual({
      to: 'addresses',
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `a${i}@example.com`).join('\n');
    expect(checkChannelForm(filled({ kind: 'email', to: eleven }), true)).toEqual({ to: 'tooManyAddresses' });
    expect(checkChannelForm(filled({ kind: 'email', to: '' }), true)).toEqual({ to: 'required' });
    expect(checkChannelForm(filled({ types: [] }), true)).toEqual({ types: 'types' });
    expect(
      checkChannelForm(
        filled({ quiet: true, quietStart: '24:00', quietEnd: '7:00', quietZone: 'Mars/Olympus' }),
        true,
      ),
    ).toEqual({ quietStart: 'time', quietEnd: 'time', quietZone: 'timeZone' });
    expect(checkChannelForm(filled({ mode: 'digest', digestTime: '9', digestZone: '' }), true)).toEqual({
      digestTime: 'time',
      digestZone: 'timeZone',
    });
    // What is hidden is not judged: quiet hours off, immediate mode.
    expect(checkChannelForm(filled({ quietStart: 'x', digestTime: 'y' }), true)).toEqual({});
  });

  it('patches only what changed, the URL only when a new one was typed', () => {
    const form = formFromChannel(slack, 'Europe/Amsterdam');
    expect(form.url).toBe('');
    expect(patchFromForm(form, slack)).toEqual({ patch: {} });
    expect(patchFromForm({ ...form, name: 'Ops room', minSeverity: 'critical' }, slack)).toEqual({
      patch: { name: 'Ops room', minSeverity: 'critical' },
    });
    expect(patchFromForm({ ...form, url: ' https://hooks.slack.com/services/T0/B0/new ' }, slack)).toEqual({
      patch: { url: 'https://hooks.slack.com/services/T0/B0/new' },
    });
    const quiet = patchFromForm({ ...form, quiet: true }, slack);
    expect(quiet).toEqual({
      patch: { quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Amsterdam' } },
    });
    const held = { ...slack, quietHours: { start: '20:00', end: '06:00', timeZone: 'UTC' } };
    expect(patchFromForm(formFromChannel(held), held)).toEqual({ patch: {} });
    expect(patchFromForm({ ...formFromChannel(held), quiet: false }, held)).toEqual({
      patch: { quietHours: null },
    });
    expect(patchFromForm({ ...form, mode: 'digest', digestTime: '07:15' }, slack)).toEqual({
      patch: { mode: 'digest', digestAt: { time: '07:15', timeZone: 'UTC' } },
    });
    expect(
      patchFromForm({ ...form, types: ['campaign_failure'], enabled: false, escalation: true }, slack),
    ).toEqual({
      patch: { types: ['campaign_failure'], enabled: false, escalation: true },
    });
    const mailForm = formFromChannel(email);
    expect(mailForm.to).toBe('a@example.com\nb@example.com');
    expect(patchFromForm(mailForm, email)).toEqual({ patch: {} });
    const mail = patchFromForm({ ...mailForm, to: 'c@example.com' }, email);
    expect(mail).toEqual({ patch: { to: ['c@example.com'] } });
    if ('patch' in mail) expect(ChannelPatch.safeParse(mail.patch).success).toBe(true);
    expect(patchFromForm({ ...form, name: '' }, slack)).toEqual({ issues: { name: 'required' } });
  });

  it('re-enables a channel the receiver refused when it is saved on', () => {
    const refused: Channel = { ...slack, state: 'disabled' };
    expect(patchFromForm(formFromChannel(refused), refused)).toEqual({ patch: { enabled: true } });
    expect(patchFromForm({ ...formFromChannel(refused), enabled: false }, refused)).toEqual({
      patch: { enabled: false },
    });
  });

  it('names the fields the worker rejected, with its message', () => {
    expect(
      rejectedFields([
        { path: ['url'], message: 'Slack URLs are on hooks.slack.com' },
        { path: ['quietHours', 'timeZone'], message: 'Unknown zone' },
        { path: ['digestAt', 'time'], message: 'Bad time' },
        { path: ['somethingElse'], message: 'x' },
      ]),
    ).toEqual({
      url: 'Slack URLs are on hooks.slack.com',
      quietZone: 'Unknown zone',
      digestTime: 'Bad time',
    });
    expect(rejectedFields({ issues: [{ path: ['to', 1], message: 'Invalid' }] })).toEqual({ to: 'Invalid' });
    expect(rejectedFields('nonsense')).toEqual({});
  });
});
