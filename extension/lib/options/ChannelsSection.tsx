import { useEffect, useRef, useState } from 'preact/hooks';

import { MAX_CHANNELS } from '../../../shared/channel-limits';
import type { Channel, ChannelTestResult, Delivery } from '../../../shared/channels';
import { displayText } from '../../../shared/display-text';
import { type ConnectionProblem, problemKey, problemParams } from '../connection/connection-problem';
import type { Translator } from '../i18n';
import { formatDateTime } from '../notification/format';
import {
  type ChannelForm,
  type ChannelIssues,
  createFromForm,
  emptyChannelForm,
  formFromChannel,
  patchFromForm,
  type RejectedFields,
  rejectedFields,
} from './channel-form';
import { ChannelEditor } from './ChannelEditor';
import { createChannelsApi } from './channels-api';
import type { TestedConnection } from './connection-test';

type Editing = { id: string | null; form: ChannelForm; issues: ChannelIssues; rejected: RejectedFields };
type Note =
  | { kind: 'idle' }
  | { kind: 'saved' }
  | { kind: 'removed' }
  | { kind: 'tooMany' }
  | { kind: 'invalid' }
  | { kind: 'problem'; problem: ConnectionProblem };

/**
 * The tenant's outbound channels (admin keys only): listed with kind, name, target and state;
 * added, edited, tested and removed; each with its last deliveries. A webhook's signing secret
 * is shown once, after it was created or rotated, with a copy button.
 */
export function ChannelsSection({ tr, tested }: { tr: Translator; tested: TestedConnection | null }) {
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [note, setNote] = useState<Note>({ kind: 'idle' });
  const [secret, setSecret] = useState<{ id: string; value: string; rotated: boolean } | null>(null);
  const [tests, setTests] = useState<Record<string, ChannelTestResult>>({});
  const [deliveries, setDeliveries] = useState<Record<string, Delivery[]>>({});
  const test = tested?.result;
  const isAdmin = test?.ok === true && test.role === 'admin';
  const api = () => createChannelsApi(tested?.connection ?? null);

  async function load() {
    const client = api();
    if (!client.ok) return setNote({ kind: 'problem', problem: client.problem });
    const answer = await client.value.channels();
    if (answer.ok) setChannels(answer.value.channels);
    else setNote({ kind: 'problem', problem: answer.problem });
  }

  useEffect(() => {
    setChannels(null);
    setEditing(null);
    setNote({ kind: 'idle' });
    setSecret(null);
    setTests({});
    setDeliveries({});
    if (isAdmin) void load();
  }, [tested]);

  async function save() {
    if (!editing) return;
    const client = api();
    if (!client.ok) return setNote({ kind: 'problem', problem: client.problem });
    const current = channels?.find((c) => c.id === editing.id);
    const parsed = current ? patchFromForm(editing.form, current) : createFromForm(editing.form);
    if ('issues' in parsed) {
      setEditing({ ...editing, issues: parsed.issues, rejected: {} });
      return setNote({ kind: 'invalid' });
    }
    const answer =
      'patch' in parsed
        ? await client.value.updateChannel(current!.id, parsed.patch)
        : await client.value.createChannel(parsed.body);
    if (!answer.ok) {
      if (answer.problem.status === 409 && !current) return setNote({ kind: 'tooMany' });
      const rejected = rejectedFields(answer.problem.details);
      if (Object.keys(rejected).length) {
        // The form may have changed while the request was out: keep what was typed since.
        setEditing((now) => now && { ...now, issues: {}, rejected });
        return setNote({ kind: 'invalid' });
      }
      return setNote({ kind: 'problem', problem: answer.problem });
    }
    const { secret: shown, ...saved } = answer.value as Channel & { secret?: string };
    if (shown) setSecret({ id: saved.id, value: shown, rotated: false });
    setEditing(null);
    setNote({ kind: 'saved' });
    await load();
  }

  async function remove(channel: Channel) {
    const client = api();
    if (!client.ok) return setNote({ kind: 'problem', problem: client.problem });
    const answer = await client.value.removeChannel(channel.id);
    if (!answer.ok) return setNote({ kind: 'problem', problem: answer.problem });
    if (editing?.id === channel.id) setEditing(null);
    setNote({ kind: 'removed' });
    await load();
  }

  async function sendTest(channel: Channel) {
    const client = api();
    if (!client.ok) return setNote({ kind: 'problem', problem: client.problem });
    const answer = await client.value.testChannel(channel.id);
    if (!answer.ok) return setNote({ kind: 'problem', problem: answer.problem });
    setTests((all) => ({ ...all, [channel.id]: answer.value }));
    await showDeliveries(channel);
  }

  async function showDeliveries(channel: Channel) {
    const client = api();
    if (!client.ok) return setNote({ kind: 'problem', problem: client.problem });
    const answer = await client.value.deliveries(channel.id);
    if (!answer.ok) return setNote({ kind: 'problem', problem: answer.problem });
    setDeliveries((all) => ({ ...all, [channel.id]: answer.value.deliveries }));
  }

  async function rotate(channel: Channel) {
    const client = api();
    if (!client.ok) return setNote({ kind: 'problem', problem: client.problem });
    const answer = await client.value.rotateChannelSecret(channel.id);
    if (!answer.ok) return setNote({ kind: 'problem', problem: answer.problem });
    if (answer.value.secret) setSecret({ id: channel.id, value: answer.value.secret, rotated: true });
  }

  const edit = (channel: Channel | null) => {
    setNote({ kind: 'idle' });
    setEditing({
      id: channel?.id ?? null,
      form: channel ? formFromChannel(channel) : emptyChannelForm(),
      issues: {},
      rejected: {},
    });
  };

  if (!isAdmin) return null;
  const editor = (creating: boolean) =>
    editing && (
      <ChannelEditor
        tr={tr}
        form={editing.form}
        setForm={(form) => setEditing({ ...editing, form })}
        creating={creating}
        issues={editing.issues}
        rejected={editing.rejected}
        onSave={() => void save()}
        onCancel={() => setEditing(null)}
      />
    );
  return (
    <section aria-labelledby="channels-title" data-testid="channels-section">
      <h2 id="channels-title">{tr.t('channels.title')}</h2>
      <p class="muted">{tr.t('channels.intro')}</p>
      {channels === null && note.kind !== 'problem' && <p class="muted">{tr.t('options.tenantLoading')}</p>}
      {channels?.length === 0 && <p class="muted">{tr.t('channels.none')}</p>}
      {channels && channels.length > 0 && (
        <ul class="channels" data-testid="channel-list">
          {channels.map((channel) => (
            <li key={channel.id} data-testid={`channel-${channel.id}`} data-state={channel.state}>
              <ChannelSummary tr={tr} channel={channel} />
              <div class="actions">
                <button
                  type="button"
                  data-testid={`channel-edit-${channel.id}`}
                  onClick={() => edit(channel)}
                >
                  {tr.t('channels.edit')}
                </button>
                <button
                  type="button"
                  data-testid={`channel-test-${channel.id}`}
                  onClick={() => void sendTest(channel)}
                >
                  {tr.t('channels.test')}
                </button>
                <button
                  type="button"
                  data-testid={`channel-deliveries-${channel.id}`}
                  onClick={() => void showDeliveries(channel)}
                >
                  {tr.t('channels.deliveries')}
                </button>
                {channel.kind === 'webhook' && (
                  <button
                    type="button"
                    data-testid={`channel-rotate-${channel.id}`}
                    onClick={() => void rotate(channel)}
                  >
                    {tr.t('channels.rotate')}
                  </button>
                )}
                <button
                  type="button"
                  data-testid={`channel-remove-${channel.id}`}
                  onClick={() => void remove(channel)}
                >
                  {tr.t('channels.remove')}
                </button>
              </div>
              {tests[channel.id] && <TestResult tr={tr} result={tests[channel.id]!} />}
              {secret?.id === channel.id && <Secret tr={tr} value={secret.value} rotated={secret.rotated} />}
              {deliveries[channel.id] && <Deliveries tr={tr} deliveries={deliveries[channel.id]!} />}
              {editing?.id === channel.id && editor(false)}
            </li>
          ))}
        </ul>
      )}
      {editing?.id === null ? (
        editor(true)
      ) : (
        <div class="actions">
          <button type="button" class="primary" data-testid="channel-add" onClick={() => edit(null)}>
            {tr.t('channels.add')}
          </button>
        </div>
      )}
      <p
        role="status"
        aria-live="polite"
        data-testid="channels-note"
        data-result={note.kind}
        class={note.kind === 'saved' || note.kind === 'removed' ? 'ok' : 'problem'}
      >
        {note.kind === 'saved' && tr.t('channels.saved')}
        {note.kind === 'removed' && tr.t('channels.removed')}
        {note.kind === 'invalid' && tr.t('options.invalid')}
        {note.kind === 'tooMany' && tr.t('channels.tooMany', { max: MAX_CHANNELS })}
        {note.kind === 'problem' && tr.t(problemKey(note.problem.kind), problemParams(note.problem))}
      </p>
    </section>
  );
}

function ChannelSummary({ tr, channel }: { tr: Translator; channel: Channel }) {
  const target = channel.kind === 'email' ? (channel.to ?? []).join(', ') : (channel.target ?? '');
  return (
    <p class="channel-summary">
      <strong>{displayText(channel.name)}</strong> · {tr.t(`channel.${channel.kind}`)} ·{' '}
      <span data-testid="channel-target">{target}</span> ·{' '}
      <span data-testid="channel-state" class={channel.state === 'ok' ? 'ok' : 'problem'}>
        {tr.t(`channels.state.${channel.state}`)}
      </span>
      {!channel.enabled && <> · {tr.t('channels.paused')}</>}
    </p>
  );
}

function TestResult({ tr, result }: { tr: Translator; result: ChannelTestResult }) {
  const params = { status: result.status ?? '–', error: result.error ?? '' };
  return (
    <p
      role="status"
      data-testid="channel-test-result"
      data-delivered={String(result.delivered)}
      class={result.delivered ? 'ok' : 'problem'}
    >
      {result.delivered ? tr.t('channels.testDelivered', params) : tr.t('channels.testFailed', params)}
    </p>
  );
}

function Secret({ tr, value, rotated }: { tr: Translator; value: string; rotated: boolean }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const input = useRef<HTMLInputElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      input.current?.select();
      setCopied(false);
    }
  }
  return (
    <div class="fields">
      <label>
        <span>{tr.t(rotated ? 'channels.rotated' : 'channels.secret')}</span>
        <input
          ref={input}
          type="text"
          readOnly
          value={value}
          data-testid="channel-secret"
          spellcheck={false}
        />
      </label>
      <div class="actions">
        <button type="button" data-testid="channel-secret-copy" onClick={() => void copy()}>
          {tr.t('channels.secretCopy')}
        </button>
        <span role="status" class={copied === false ? 'problem' : 'ok'}>
          {copied === true && tr.t('channels.secretCopied')}
          {copied === false && tr.t('channels.secretCopyFailed')}
        </span>
      </div>
    </div>
  );
}

function Deliveries({ tr, deliveries }: { tr: Translator; deliveries: Delivery[] }) {
  if (deliveries.length === 0) return <p class="muted">{tr.t('channels.noDeliveries')}</p>;
  return (
    <ul class="deliveries" data-testid="channel-deliveries" aria-label={tr.t('channels.deliveries')}>
      {deliveries.map((d) => (
        <li key={d.id} data-state={d.state}>
          {formatDateTime(d.createdAt, tr.lang)} · {tr.t(`channels.reason.${d.reason}`)} ·{' '}
          <span class={d.state === 'failed' ? 'problem' : undefined}>
            {tr.t(`channels.delivery.${d.state}`)}
          </span>
          {d.lastStatus !== null && <> · HTTP {d.lastStatus}</>}
          {d.lastError && <> · {d.lastError}</>}
        </li>
      ))}
    </ul>
  );
}
