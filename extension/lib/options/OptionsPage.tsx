import { useEffect, useState } from 'preact/hooks';
import type { TestedConnection } from './connection-test';
import type { Translator } from '../i18n';
import { enrolmentPending } from '../state/managed';
import { connectionItem } from '../state/storage';
import { useStorageItem } from '../ui/hooks';
import { useManaged } from './use-managed';
import { ConnectionSection } from './ConnectionSection';
import { EnrolSection } from './EnrolSection';
import { MembersSection } from './MembersSection';
import { ConnectorSection } from './ConnectorSection';
import { EmailSection } from './EmailSection';
import { LazyChannelsSection } from './LazyChannelsSection';
import { KeysSection } from './KeysSection';
import { PreferencesSection } from './PreferencesSection';
import { TenantSection } from './TenantSection';

export function OptionsPage({ tr }: { tr: Translator }) {
  const [tested, setTested] = useState<TestedConnection | null>(null);
  const [joined, setJoined] = useState<string | null>(null);
  const managed = useManaged();
  const stored = useStorageItem(connectionItem);
  // Under a policy with an enroll key, a person without a key joins first; else joining is offered beside the key.
  const pending = managed !== undefined && stored !== undefined && enrolmentPending(stored, managed);
  useEffect(() => {
    document.title = tr.t('options.title');
  }, [tr]);
  return (
    <main class="options">
      <h1>{tr.t('options.title')}</h1>
      <p class="ok joined" role="status" data-testid="enrol-joined">
        {joined && tr.t('enrol.joined', { member: joined })}
      </p>
      {managed && pending && <EnrolSection tr={tr} managed={managed} onJoined={setJoined} />}
      {managed && <ConnectionSection tr={tr} onTested={setTested} managed={managed} />}
      {managed && !pending && !stored?.key && !managed.lockConnection && <EnrolSection tr={tr} managed={managed} onJoined={setJoined} />}
      <PreferencesSection tr={tr} managed={managed ?? {}} />
      <TenantSection tr={tr} tested={tested} />
      <MembersSection tr={tr} tested={tested} />
      <ConnectorSection tr={tr} tested={tested} />
      <EmailSection tr={tr} tested={tested} />
      <LazyChannelsSection tr={tr} tested={tested} />
      <KeysSection tr={tr} tested={tested} />
    </main>
  );
}
