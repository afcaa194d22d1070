import { useEffect, useState } from 'preact/hooks';

import { displayText } from '../../../shared/display-text';
import type { Translator } from '../i18n';
import { formatList } from '../notification/format';
import { pendingEnrolments } from '../state/managed';
import { connectionsItem } from '../state/storage';
import { useStorageItem } from '../ui/hooks';
import { connectionIssueText } from './connection-issue';
import type { TestedConnection } from './connection-test';
import { ConnectionSection } from './ConnectionSection';
import { ConnectionsList } from './ConnectionsList';
import { ConnectorSection } from './ConnectorSection';
import { EmailSection } from './EmailSection';
import { EnrolSection } from './EnrolSection';
import { KeysSection } from './KeysSection';
import { LazyChannelsSection } from './LazyChannelsSection';
import { MembersSection } from './MembersSection';
import { PreferencesSection } from './PreferencesSection';
import { StreamsSection } from './StreamsSection';
import { TenantSection } from './TenantSection';
import { useManaged } from './use-managed';

export function OptionsPage({ tr }: { tr: Translator }) {
  const [tested, setTested] = useState<TestedConnection | null>(null);
  const [joined, setJoined] = useState<string | null>(null);
  /** The connection edited: its id, null for a new one, undefined until chosen (the first one). */
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const [tooMany, setTooMany] = useState(false);
  const managed = useManaged();
  const connections = useStorageItem(connectionsItem);
  // Under a policy with enroll keys, a person joins its connections first, once for all.
  const pending =
    managed !== undefined && connections !== undefined ? pendingEnrolments(connections, managed) : [];
  const selectedId = chosen === undefined ? (connections?.[0]?.id ?? null) : chosen;
  const selected = connections?.find((c) => c.id === selectedId) ?? null;
  useEffect(() => {
    document.title = tr.t('options.title');
  }, [tr]);
  const select = (id: string | null) => {
    setTooMany(false);
    setTested(null);
    setChosen(id);
  };
  return (
    <main class="options">
      <h1>{tr.t('options.title')}</h1>
      <p class="ok joined" role="status" data-testid="enrol-joined">
        {joined}
      </p>
      {managed && pending.length > 0 && (
        <EnrolSection
          tr={tr}
          pending={pending}
          onJoined={(member, labels) =>
            setJoined(
              labels.length
                ? tr.t('enrol.joinedMany', {
                    member,
                    labels: formatList(
                      labels.map((l) => displayText(l)),
                      tr.lang,
                    ),
                  })
                : tr.t('enrol.joined', { member }),
            )
          }
        />
      )}
      {managed && connections && (
        <ConnectionsList
          tr={tr}
          connections={connections}
          selected={selectedId}
          onSelect={select}
          onTooMany={() => setTooMany(true)}
          managed={managed}
        />
      )}
      <p class="problem" role="alert" data-testid="connections-issue">
        {tooMany && connectionIssueText({ kind: 'tooMany' }, tr)}
      </p>
      {managed && connections && (
        <ConnectionSection
          key={selected?.id ?? 'new'}
          tr={tr}
          selected={selected}
          onStored={select}
          onTested={setTested}
          managed={managed}
        />
      )}
      {managed && connections && !selected && pending.length === 0 && !managed.lockConnection && (
        <EnrolSection
          tr={tr}
          pending={[]}
          onJoined={(member) => setJoined(tr.t('enrol.joined', { member }))}
        />
      )}
      <PreferencesSection tr={tr} managed={managed ?? {}} connections={connections ?? []} />
      <TenantSection tr={tr} tested={tested} />
      <MembersSection tr={tr} tested={tested} />
      <ConnectorSection tr={tr} tested={tested} />
      <EmailSection tr={tr} tested={tested} />
      <LazyChannelsSection tr={tr} tested={tested} />
      <StreamsSection tr={tr} tested={tested} />
      <KeysSection tr={tr} tested={tested} />
    </main>
  );
}
