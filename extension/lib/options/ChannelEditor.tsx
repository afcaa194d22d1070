import type { InputHTMLAttributes, JSX } from 'preact';

import { CHANNEL_KINDS, CHANNEL_NAME_MAX, MAX_EMAIL_RECIPIENTS } from '../../../shared/channel-limits';
import { NOTIFICATION_TYPES } from '../../../shared/notification-types';
import type { Translator } from '../i18n';
import {
  type ChannelField,
  type ChannelForm,
  type ChannelIssue,
  type ChannelIssues,
  type RejectedFields,
  SEVERITIES,
} from './channel-form';

interface Props {
  tr: Translator;
  form: ChannelForm;
  setForm: (form: ChannelForm) => void;
  /** Creating: the kind can be chosen and the URL is required; editing: an empty URL keeps the stored one. */
  creating: boolean;
  issues: ChannelIssues;
  rejected: RejectedFields;
  onSave: () => void;
  onCancel: () => void;
}

const ISSUE_TEXT = {
  required: 'channels.issue.required',
  tooLong: 'channels.issue.tooLong',
  url: 'channels.issue.url',
  addresses: 'channels.issue.addresses',
  tooManyAddresses: 'channels.issue.tooManyAddresses',
  types: 'channels.issue.types',
  time: 'channels.issue.time',
  timeZone: 'channels.issue.timeZone',
} as const satisfies Record<ChannelIssue, string>;

/** A channel's fields: the kind's target, what it receives, quiet hours, mode and escalation. */
export function ChannelEditor({ tr, form, setForm, creating, issues, rejected, onSave, onCancel }: Props) {
  const set = <K extends keyof ChannelForm>(key: K, value: ChannelForm[K]) =>
    setForm({ ...form, [key]: value });
  const error = (field: ChannelField): string | undefined => {
    const issue = issues[field];
    if (issue)
      return tr.t(ISSUE_TEXT[issue], { max: issue === 'tooLong' ? CHANNEL_NAME_MAX : MAX_EMAIL_RECIPIENTS });
    const said = rejected[field];
    return said === undefined ? undefined : said || tr.t('options.error.rejected');
  };
  const text = (
    field: ChannelField & keyof ChannelForm,
    label: string,
    extra: InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <Field id={field} label={label} error={error(field)}>
      {(described) => (
        <input
          type="text"
          data-testid={`channel-${field}`}
          value={form[field] as string}
          onInput={(e) => set(field, e.currentTarget.value)}
          {...described}
          {...extra}
        />
      )}
    </Field>
  );
  /** A choice among fixed values; `testId` keeps the field's name as the tests know it. */
  const choice = <K extends 'kind' | 'minSeverity' | 'mode'>(
    field: K,
    testId: string,
    label: string,
    options: readonly (readonly [ChannelForm[K], string])[],
  ) => (
    <label>
      <span>{label}</span>
      <select
        data-testid={`channel-${testId}`}
        value={form[field]}
        onChange={(e) => set(field, e.currentTarget.value as ChannelForm[K])}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const check = (field: 'quiet' | 'escalation' | 'enabled', label: string) => (
    <label class="check">
      <input
        type="checkbox"
        data-testid={`channel-${field}`}
        checked={form[field]}
        onChange={(e) => set(field, e.currentTarget.checked)}
      />
      <span>{label}</span>
    </label>
  );
  return (
    <form
      class="fields channel-editor"
      data-testid="channel-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      {creating &&
        choice(
          'kind',
          'kind',
          tr.t('channels.kind'),
          CHANNEL_KINDS.map((kind) => [kind, tr.t(`channel.${kind}`)] as const),
        )}
      {text('name', tr.t('channels.name'), { maxLength: CHANNEL_NAME_MAX })}
      {form.kind === 'email' ? (
        <Field id="to" label={tr.t('channels.to')} error={error('to')}>
          {(described) => (
            <textarea
              data-testid="channel-to"
              rows={3}
              value={form.to}
              onInput={(e) => set('to', e.currentTarget.value)}
              {...described}
            />
          )}
        </Field>
      ) : (
        <>
          {text('url', tr.t('channels.url'), { type: 'url', spellcheck: false, autocomplete: 'off' })}
          {!creating && <small class="muted">{tr.t('channels.urlKeep')}</small>}
        </>
      )}
      <fieldset aria-describedby={error('types') ? 'channel-error-types' : undefined}>
        <legend>{tr.t('channels.types')}</legend>
        {NOTIFICATION_TYPES.map((type) => (
          <label class="check" key={type}>
            <input
              type="checkbox"
              data-testid={`channel-type-${type}`}
              checked={form.types.includes(type)}
              onChange={(e) =>
                set(
                  'types',
                  e.currentTarget.checked
                    ? NOTIFICATION_TYPES.filter((t) => t === type || form.types.includes(t))
                    : form.types.filter((t) => t !== type),
                )
              }
            />
            <span>{tr.t(`type.${type}`)}</span>
          </label>
        ))}
        {error('types') && (
          <p class="problem" id="channel-error-types">
            {error('types')}
          </p>
        )}
      </fieldset>
      {choice(
        'minSeverity',
        'min-severity',
        tr.t('channels.minSeverity'),
        SEVERITIES.map((severity) => [severity, tr.t(`severity.${severity}`)] as const),
      )}
      {check('quiet', tr.t('channels.quiet'))}
      {form.quiet && (
        <>
          {text('quietStart', tr.t('channels.quietStart'), { inputMode: 'numeric', placeholder: 'HH:MM' })}
          {text('quietEnd', tr.t('channels.quietEnd'), { inputMode: 'numeric', placeholder: 'HH:MM' })}
          {text('quietZone', tr.t('channels.timeZone'), { spellcheck: false })}
        </>
      )}
      {choice('mode', 'mode', tr.t('channels.mode'), [
        ['immediate', tr.t('channels.mode.immediate')],
        ['digest', tr.t('channels.mode.digest')],
      ])}
      {form.mode === 'digest' && (
        <>
          {text('digestTime', tr.t('channels.digestTime'), { inputMode: 'numeric', placeholder: 'HH:MM' })}
          {text('digestZone', tr.t('channels.timeZone'), { spellcheck: false })}
        </>
      )}
      {check('escalation', tr.t('channels.escalation'))}
      {check('enabled', tr.t('channels.enabled'))}
      <div class="actions">
        <button type="submit" class="primary" data-testid="channel-save">
          {tr.t('channels.save')}
        </button>
        <button type="button" data-testid="channel-cancel" onClick={onCancel}>
          {tr.t('channels.cancel')}
        </button>
      </div>
    </form>
  );
}

type Described = { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string };

/** A labelled field with its error beside it, tied to it for screen readers. */
function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: (d: Described) => JSX.Element;
}) {
  const errorId = `channel-error-${id}`;
  return (
    <label>
      <span>{label}</span>
      {children({
        id: `channel-${id}`,
        ...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}),
      })}
      {error && (
        <small class="problem" id={errorId} data-testid={errorId}>
          {error}
        </small>
      )}
    </label>
  );
}
