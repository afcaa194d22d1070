import { displayText } from '../../../shared/display-text';
import { problemKey } from '../connection/connection-problem';
import type { Translator } from '../i18n';
import type { ConnectionIssue } from '../state/connection-rules';
import type { Connection } from '../state/storage';

/** Why a connection was not stored, in the options' words. */
export function connectionIssueText(
  issue: { kind: ConnectionIssue; other?: Connection; tenant?: string },
  tr: Translator,
): string {
  switch (issue.kind) {
    case 'tooMany':
      return tr.t('options.connectionIssue.tooMany');
    case 'label':
      return tr.t('options.connectionIssue.label');
    case 'bad_url':
      return tr.t(problemKey('bad_url'));
    case 'duplicate':
      return tr.t('options.connectionIssue.duplicate', {
        other: displayText(issue.other?.label ?? ''),
        tenant: issue.tenant ?? '',
      });
  }
}
