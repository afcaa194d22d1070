import { useEffect, useState } from 'preact/hooks';

import { NOTIFICATION_TYPES, SEVERITIES, type Severity } from '../../../shared/notification-types';
import { createApi } from '../connection/api-client';
import { type ConnectionProblem, problemKey, problemParams } from '../connection/connection-problem';
import type { Translator } from '../i18n';
import type { TestedConnection } from './connection-test';
import {
  type FieldIssues,
  fieldIssuesFromDetails,
  fieldIssueText,
  formFromSettings,
  patchFromForm,
  type SettingsForm,
  TEXT_FIELDS,
  type TextField,
} from './settings-form';

type Status =
  | { kind: 'idle' }
  | { kind: 'saved' }
  | { kind: 'invalid' }
  | { kind: 'problem'; problem: ConnectionProblem };

/**
 * The tenant's settings (admin keys only), loaded with GET /v1/settings and saved with PUT, both
 * with the connection that was just tested: the one the role above was found for, saved or not.
 */
export function TenantSection({ tr, tested }: { tr: Translator; tested: TestedConnection | null }) {
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const test = tested?.result;
  const isAdmin = test?.ok === true && test.role === 'admin';

  useEffect(() => {
    setForm(null);
    setIssues({});
    setStatus({ kind: 'idle' });
    if (!tested || !isAdmin) return;
    let current = true;
    void load(tested).then((loaded) => current && loaded());
    return () => {
      current = false;
    };
  }, [tested]);

  const api = () => createApi(tested?.connection ?? null);

  /** Answers how to apply what it loaded, so a load for an older test is dropped. */
  async function load(target: TestedConnection): Promise<() => void> {
    const client = createApi(target.connection);
    if (!client.ok) return () => setStatus({ kind: 'problem', problem: client.problem });
    const settings = await client.value.settings();
    if (!settings.ok) return () => setStatus({ kind: 'problem', problem: settings.problem });
    return () => setForm(formFromSettings(settings.value));
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!form) return;
    const parsed = patchFromForm(form);
    if ('issues' in parsed) {
      setIssues(parsed.issues);
      return setStatus({ kind: 'invalid' });
    }
    const client = api();
    if (!client.ok) return setStatus({ kind: 'problem', problem: client.problem });
    const saved = await client.value.updateSettings(parsed.patch);
    if (saved.ok) {
      setIssues({});
      setForm(formFromSettings(saved.value));
      return setStatus({ kind: 'saved' });
    }
    const fieldIssues = fieldIssuesFromDetails(saved.problem.details, parsed.patch);
    setIssues(fieldIssues);
    setStatus(
      Object.keys(fieldIssues).length ? { kind: 'invalid' } : { kind: 'problem', problem: saved.problem },
    );
  }

  if (!test?.ok) return null;
  return (
    <section aria-labelledby="tenant-title" data-testid="tenant-settings" data-tenant={test.tenant}>
      <h2 id="tenant-title">{tr.t('options.tenantOf', { tenant: test.tenant })}</h2>
      {!isAdmin ? (
        <p class="muted" data-testid="tenant-admin-only">
          {tr.t('options.tenantAdminOnly')}
        </p>
      ) : !form ? (
        <p class="muted" role="status">
          {status.kind === 'problem'
            ? tr.t(problemKey(status.problem.kind), problemParams(status.problem))
            : tr.t('options.tenantLoading')}
        </p>
      ) : (
        <form class="fields" onSubmit={(e) => void save(e)} noValidate>
          {TEXT_FIELDS.map(({ field, label, testId }) => (
            <NumberField
              key={field}
              field={field}
              testId={testId}
              label={tr.t(label)}
              form={form}
              setForm={setForm}
              issues={issues}
              tr={tr}
            />
          ))}
          <fieldset aria-describedby={issues.types ? 'error-types' : undefined}>
            <legend>{tr.t('options.typesEnabled')}</legend>
            {NOTIFICATION_TYPES.map((type) => (
              <label class="check" key={type}>
                <input
                  type="checkbox"
                  data-testid={`type-enabled-${type}`}
                  checked={form.types[type].enabled}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      types: { ...form.types, [type]: { enabled: e.currentTarget.checked } },
                    })
                  }
                />
                <span>{tr.t(`type.${type}`)}</span>
              </label>
            ))}
            {issues.types && (
              <p class="problem" id="error-types" data-testid="error-types">
                {fieldIssueText(issues.types, tr)}
              </p>
            )}
          </fieldset>
          <EscalationFields form={form} setForm={setForm} issues={issues} tr={tr} />
          <div class="actions">
            <button type="submit" class="primary" data-testid="save-tenant">
              {tr.t('options.saveTenant')}
            </button>
          </div>
          <p
            role="status"
            aria-live="polite"
            data-testid="tenant-result"
            data-result={status.kind}
            class={status.kind === 'saved' ? 'ok' : 'problem'}
          >
            {status.kind === 'saved' && tr.t('options.tenantSaved')}
            {status.kind === 'invalid' && tr.t('options.invalid')}
            {status.kind === 'problem' &&
              tr.t(problemKey(status.problem.kind), problemParams(status.problem))}
          </p>
        </form>
      )}
    </section>
  );
}

interface FieldProps {
  field: TextField;
  testId: string;
  label: string;
  form: SettingsForm;
  setForm: (form: SettingsForm) => void;
  issues: FieldIssues;
  tr: Translator;
}

function NumberField({ field, testId, label, form, setForm, issues, tr }: FieldProps) {
  const issue = issues[field];
  const error = issue && fieldIssueText(issue, tr);
  return (
    <label>
      <span>{label}</span>
      <input
        type="text"
        inputMode="numeric"
        data-testid={testId}
        value={form[field]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `error-${testId}` : undefined}
        onInput={(e) => setForm({ ...form, [field]: e.currentTarget.value })}
      />
      {error && (
        <small class="problem" id={`error-${testId}`} data-testid={`error-${testId}`}>
          {error}
        </small>
      )}
    </label>
  );
}

/** Escalation to the channels marked for it: off, or after how many minutes from which severity. */
function EscalationFields({ form, setForm, issues, tr }: Omit<FieldProps, 'field' | 'testId' | 'label'>) {
  const { escalation } = form;
  const set = (change: Partial<SettingsForm['escalation']>) =>
    setForm({ ...form, escalation: { ...escalation, ...change } });
  const error = issues.escalationAfter && fieldIssueText(issues.escalationAfter, tr);
  return (
    <fieldset>
      <legend>{tr.t('channels.title')}</legend>
      <label class="check">
        <input
          type="checkbox"
          data-testid="escalation-on"
          checked={escalation.on}
          onChange={(e) => set({ on: e.currentTarget.checked })}
        />
        <span>{tr.t('options.escalation')}</span>
      </label>
      {escalation.on && (
        <>
          <label>
            <span>{tr.t('options.escalationAfter')}</span>
            <input
              type="text"
              inputMode="numeric"
              data-testid="escalation-after"
              value={escalation.afterMinutes}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'error-escalation-after' : undefined}
              onInput={(e) => set({ afterMinutes: e.currentTarget.value })}
            />
            {error && (
              <small class="problem" id="error-escalation-after" data-testid="error-escalation-after">
                {error}
              </small>
            )}
          </label>
          <label>
            <span>{tr.t('options.escalationSeverity')}</span>
            <select
              data-testid="escalation-severity"
              value={escalation.minSeverity}
              onChange={(e) => set({ minSeverity: e.currentTarget.value as Severity })}
            >
              {SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {tr.t(`severity.${severity}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </fieldset>
  );
}
