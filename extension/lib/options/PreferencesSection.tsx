import { useState } from 'preact/hooks';

import { displayText } from '../../../shared/display-text';
import { NOTIFICATION_TYPES } from '../../../shared/notification-types';
import { LANGUAGE_NAMES, LANGUAGES, type LanguageSetting, type Translator } from '../i18n';
import { updateConnections } from '../state/connections-update';
import type { ManagedConfig } from '../state/managed';
import {
  type Connection,
  languageItem,
  normalizeTypePrefs,
  overlayEnabledItem,
  prefsOf,
  type TypePref,
  type TypePrefs,
  typePrefsItem,
} from '../state/storage';
import { useStorageItem } from '../ui/hooks';

const PREF_COLUMNS = [
  ['show', 'options.show'],
  ['countInBadge', 'options.countInBadge'],
  ['desktop', 'options.desktop'],
] as const;

const SHARED = '';

/**
 * Per-type display choices (shared by all connections, or a connection's own), language and
 * overlay: applied at once, everywhere, on change.
 */
export function PreferencesSection({
  tr,
  managed,
  connections,
}: {
  tr: Translator;
  managed: ManagedConfig;
  connections: Connection[];
}) {
  const shared = useStorageItem(typePrefsItem);
  const [scope, setScope] = useState(SHARED);
  const own = connections.find((c) => c.id === scope);
  const prefs = own ? prefsOf(own, shared) : normalizeTypePrefs(shared);
  const language = useStorageItem(languageItem) ?? 'auto';
  const overlay = useStorageItem(overlayEnabledItem) ?? true;

  /** A connection's first change gives it its own choices, starting from the shared ones. */
  const store = async (next: TypePrefs | undefined) => {
    if (!own) return next && typePrefsItem.setValue(next);
    await updateConnections((list) =>
      list.map((c) => (c.id !== own.id ? c : next ? { ...c, prefs: next } : withoutPrefs(c))),
    );
  };
  const setPref = (type: (typeof NOTIFICATION_TYPES)[number], field: keyof TypePref, value: boolean) =>
    void store({ ...prefs, [type]: { ...prefs[type], [field]: value } });

  return (
    <>
      <section aria-labelledby="types-title">
        <h2 id="types-title">{tr.t('options.types')}</h2>
        {connections.length > 1 && (
          <p class="actions">
            <label>
              <span>{tr.t('options.prefsFor')} </span>
              <select
                data-testid="prefs-scope"
                value={own ? own.id : SHARED}
                onChange={(e) => setScope(e.currentTarget.value)}
              >
                <option value={SHARED}>{tr.t('options.prefsShared')}</option>
                {connections.map((c) => (
                  <option value={c.id} key={c.id}>
                    {displayText(c.label)}
                  </option>
                ))}
              </select>
            </label>
            {own?.prefs && (
              <button type="button" data-testid="prefs-use-shared" onClick={() => void store(undefined)}>
                {tr.t('options.prefsUseShared')}
              </button>
            )}
          </p>
        )}
        {own && !own.prefs && (
          <p class="muted">{tr.t('options.prefsOwnHint', { label: displayText(own.label) })}</p>
        )}
        <table class="prefs">
          <thead>
            <tr>
              <th scope="col">{tr.t('options.typeColumn')}</th>
              {PREF_COLUMNS.map(([, label]) => (
                <th scope="col" key={label}>
                  {tr.t(label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {NOTIFICATION_TYPES.map((type) => (
              <tr key={type}>
                <th scope="row">{tr.t(`type.${type}`)}</th>
                {PREF_COLUMNS.map(([field, label]) => (
                  <td key={field}>
                    <input
                      type="checkbox"
                      data-testid={`pref-${type}-${field}`}
                      aria-label={tr.t('format.labelled', {
                        label: tr.t(`type.${type}`),
                        value: tr.t(label),
                      })}
                      checked={prefs[type][field]}
                      onChange={(e) => setPref(type, field, e.currentTarget.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p class="muted">{tr.t('options.desktopHint')}</p>
      </section>
      <section aria-labelledby="language-title">
        <h2 id="language-title">{tr.t('options.language')}</h2>
        <select
          data-testid="language"
          aria-labelledby="language-title"
          value={managed.language ?? language}
          disabled={managed.language !== undefined}
          aria-describedby={managed.language !== undefined ? 'language-managed' : undefined}
          onChange={(e) => void languageItem.setValue(e.currentTarget.value as LanguageSetting)}
        >
          <option value="auto">{tr.t('options.languageAuto')}</option>
          {LANGUAGES.map((lang) => (
            <option value={lang} key={lang} lang={lang}>
              {LANGUAGE_NAMES[lang]}
            </option>
          ))}
        </select>
        {managed.language !== undefined && (
          <small id="language-managed" class="muted" data-testid="language-managed">
            {' '}
            {tr.t('options.setByOrganisation')}
          </small>
        )}
      </section>
      <section aria-labelledby="overlay-title">
        <h2 id="overlay-title">{tr.t('options.overlay')}</h2>
        <label class="check">
          <input
            type="checkbox"
            data-testid="overlay-enabled"
            checked={overlay}
            onChange={(e) => void overlayEnabledItem.setValue(e.currentTarget.checked)}
          />
          <span>{tr.t('options.overlayToggle')}</span>
        </label>
      </section>
    </>
  );
}

function withoutPrefs(connection: Connection): Connection {
  const { prefs: _prefs, ...rest } = connection;
  return rest;
}
