import { useEffect, useState } from 'preact/hooks';
import type { TestedConnection } from '../../lib/connection-test';
import type { Translator } from '../../lib/i18n';
import { ConnectionSection } from './ConnectionSection';
import { EmailSection } from './EmailSection';
import { PreferencesSection } from './PreferencesSection';
import { TenantSection } from './TenantSection';

export function OptionsPage({ tr }: { tr: Translator }) {
  const [tested, setTested] = useState<TestedConnection | null>(null);
  useEffect(() => {
    document.title = tr.t('options.title');
  }, [tr]);
  return (
    <main class="options">
      <h1>{tr.t('options.title')}</h1>
      <ConnectionSection tr={tr} onTested={setTested} />
      <PreferencesSection tr={tr} />
      <TenantSection tr={tr} tested={tested} />
      <EmailSection tr={tr} tested={tested} />
    </main>
  );
}
