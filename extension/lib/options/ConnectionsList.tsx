import { browser } from '#imports';

import { displayText } from '../../../shared/display-text';
import { problemKey, problemParams } from '../connection/connection-problem';
import { originPattern } from '../connection/connection-url';
import type { Translator } from '../i18n';
import { moved, originStillUsed } from '../state/connection-rules';
import { MAX_CONNECTIONS } from '../state/connections';
import { updateConnections } from '../state/connections-update';
import type { ManagedConfig } from '../state/managed';
import { type Connection, INITIAL_STATE, statesItem } from '../state/storage';
import { useStorageItem } from '../ui/hooks';

interface Props {
  tr: Translator;
  connections: Connection[];
  /** The connection edited below; null: a new one. */
  selected: string | null;
  onSelect: (id: string | null) => void;
  onTooMany: () => void;
  managed: ManagedConfig;
}

/**
 * The connections in their order, each with its state: edit, move, remove; and "add". Removing
 * forgets the key, and the host permission when no other connection uses that origin.
 */
export function ConnectionsList({ tr, connections, selected, onSelect, onTooMany, managed }: Props) {
  const states = useStorageItem(statesItem) ?? {};
  const locked = (c: Connection) => managed.lockConnection === true && c.managed === true;

  async function remove(c: Connection) {
    let next: Connection[] = [];
    await updateConnections((list) => (next = list.filter((other) => other.id !== c.id)));
    const pattern = originPattern(c.workerUrl);
    // A host the manifest asks for at install (a build's own worker) cannot be given back; nothing to do then.
    if (pattern && !originStillUsed(next, c.id, c.workerUrl))
      await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    if (selected === c.id) onSelect(next[0]?.id ?? null);
  }

  const move = (c: Connection, by: number) => updateConnections((list) => moved(list, c.id, by));

  return (
    <section aria-labelledby="connections-title">
      <h2 id="connections-title">{tr.t('options.connections')}</h2>
      <p class="muted">{tr.t('options.connectionsIntro')}</p>
      <ul class="connections" data-testid="connections-list">
        {connections.map((c, i) => {
          const state = states[c.id] ?? INITIAL_STATE;
          const label = displayText(c.label);
          return (
            <li
              key={c.id}
              data-testid={`connection-row-${c.id}`}
              data-status={state.status}
              aria-current={selected === c.id || undefined}
            >
              <strong>{label}</strong>
              {c.tenant && <span class="muted"> {c.tenant}</span>}{' '}
              <span class={`status status-${state.status}`} data-testid={`connection-status-${c.id}`}>
                {tr.t(`status.${state.status}`)}
                {state.problem && `: ${tr.t(problemKey(state.problem.kind), problemParams(state.problem))}`}
              </span>
              <span class="row-actions">
                <button
                  type="button"
                  data-testid={`edit-${c.id}`}
                  aria-label={tr.t('options.editConnection', { label })}
                  onClick={() => onSelect(c.id)}
                >
                  ✎
                </button>
                <button
                  type="button"
                  data-testid={`move-up-${c.id}`}
                  aria-label={tr.t('options.moveUp', { label })}
                  disabled={i === 0}
                  onClick={() => void move(c, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  data-testid={`move-down-${c.id}`}
                  aria-label={tr.t('options.moveDown', { label })}
                  disabled={i === connections.length - 1}
                  onClick={() => void move(c, 1)}
                >
                  ↓
                </button>
                {!locked(c) && (
                  <button
                    type="button"
                    data-testid={`remove-${c.id}`}
                    aria-label={tr.t('options.removeConnection', { label })}
                    onClick={() => void remove(c)}
                  >
                    ×
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        data-testid="add-connection"
        aria-pressed={selected === null}
        onClick={() => (connections.length >= MAX_CONNECTIONS ? onTooMany() : onSelect(null))}
      >
        {tr.t('options.addConnection')}
      </button>
    </section>
  );
}
